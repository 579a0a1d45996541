"""No page of this site takes a file. The one upload handler refuses a file part as soon as it
starts, before a byte of it is kept in memory or written to a temporary file. The one exception
is the clinic's logo, on the admin's Clinic settings screen (ClinicLogoUpload)."""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class UploadRefused(Exception):
    """A multipart body carried a file."""


class RefuseFiles(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise UploadRefused

    def receive_data_chunk(self, raw_data, start):  # never reached
        raise UploadRefused

    def file_complete(self, file_size):  # never reached
        return None


class ClinicLogoUpload(FileUploadHandler):
    """The one exception: the admin's Clinic settings take a logo. It is kept in memory only,
    and no more than LIMIT bytes of it (a bigger file is counted, not kept, and refused by the
    form with its size)."""

    LIMIT = 200_000

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.buffer = io.BytesIO()
        self.seen = 0

    def receive_data_chunk(self, raw_data, start):
        self.seen += len(raw_data)
        room = self.LIMIT + 1 - self.buffer.tell()
        if room > 0:
            self.buffer.write(raw_data[:room])
        return None

    def file_complete(self, file_size):
        self.buffer.seek(0)
        return InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.seen,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
