"""No page of this site takes a file. The one upload handler refuses a file part as soon as it
starts, before a byte of it is kept in memory or written to a temporary file.

A few staff screens are the exception (settings.UPLOAD_URL_NAMES): the admin's drug-list upload
and the clinic's logo (Clinic settings). Their body is not read until the view has checked the
signed-in staff member and their permission; it then reads the file through BoundedUpload (a
temporary file, stopped at a size limit) or ClinicLogoUpload (memory, at most 200 KB kept)."""

import io

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import (
    FileUploadHandler,
    StopUpload,
    TemporaryFileUploadHandler,
)
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.csrf import csrf_protect


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


def staff_upload_screen(model_admin, request, view, allowed, handler, *args):
    """Serve one of the admin screens that take a file (their URLs are csrf_exempt so the upload
    handler can be chosen before anything reads the body): the signed-in staff member and
    `allowed(request)` are checked first, then the body is read through `handler(request)`, under
    the CSRF check and the admin's own view wrapper."""
    site = model_admin.admin_site
    if not site.has_permission(request):
        return redirect_to_login(
            request.get_full_path(), reverse("admin:login", current_app=site.name)
        )
    if not allowed(request):
        raise PermissionDenied
    request.upload_handlers = [handler(request)]
    return csrf_protect(site.admin_view(view))(request, *args)
