"""No page of this site takes a file. The one upload handler refuses a file part as soon as it
starts, before a byte of it is kept in memory or written to a temporary file.

One staff screen is the exception: the admin's drug-list upload (settings.UPLOAD_URL_NAMES).
Its body is not read until the view has checked the signed-in staff member and their
permission; it then reads the file through BoundedUpload, which stops at a size limit."""

from django.conf import settings
from django.core.files.uploadhandler import (
    FileUploadHandler,
    StopUpload,
    TemporaryFileUploadHandler,
)
from django.urls import Resolver404, resolve


class UploadRefused(Exception):
    """A multipart body carried a file."""


class RefuseFiles(FileUploadHandler):
    def new_file(self, *args, **kwargs):
        raise UploadRefused

    def receive_data_chunk(self, raw_data, start):  # never reached
        raise UploadRefused

    def file_complete(self, file_size):  # never reached
        return None


def takes_a_file(request) -> bool:
    """True for the few staff screens that take a file (settings.UPLOAD_URL_NAMES)."""
    names = getattr(settings, "UPLOAD_URL_NAMES", ())
    if not names:
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in names


class BoundedUpload(TemporaryFileUploadHandler):
    """A file to a temporary file, never more than `max_bytes` of it: past that the upload
    stops and the form sees no file."""

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            raise StopUpload(connection_reset=True)
        return super().receive_data_chunk(raw_data, start)
