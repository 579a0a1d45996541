"""No page of this site takes a file. The one upload handler refuses a file part as soon as it
starts, before a byte of it is kept in memory or written to a temporary file."""

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
