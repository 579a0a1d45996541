"""whitenoise, serving this release's static files and the hashed files of the other releases
kept beside it (settings.STATIC_RELEASES_DIR), so that during a rollout an old server serves
the new pages' style sheets and a new server the old pages' ones.

Only hashed names (app.0123456789ab.css) are taken from another release: they are the same
file wherever they are. An unhashed name (app.css) differs between releases, so it is only
ever this release's own. A name found once is remembered; the folders are looked at on a
miss, so a release collected after this server started is found too.
"""

import os
import re
from pathlib import Path

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

# Django's ManifestStaticFilesStorage adds a 12-character hexadecimal hash before the suffix.
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}(\.[A-Za-z0-9]+)+$")


class ReleaseStaticFilesMiddleware(WhiteNoiseMiddleware):
    def __init__(self, get_response=None, settings=settings):
        # Set before whitenoise scans this release's folder: immutable_file_test needs them.
        releases = getattr(settings, "STATIC_RELEASES_DIR", "")
        self.releases_dir = Path(releases).resolve() if releases else None
        self.own_root = Path(settings.STATIC_ROOT).resolve() if settings.STATIC_ROOT else None
        super().__init__(get_response, settings=settings)

    def __call__(self, request):
        path = request.path_info
        static_file = self.find_file(path) if self.autorefresh else self.files.get(path)
        if static_file is None and self.releases_dir and path.startswith(self.static_prefix):
            static_file = self._from_another_release(path)
        if static_file is not None:
            return self.serve(static_file, request)
        return self.get_response(request)

    def _from_another_release(self, url: str):
        name = url[len(self.static_prefix) :]
        if not HASHED_NAME.search(name) or not self.url_is_canonical(url) or "\\" in name:
            return None
        try:
            releases = sorted(
                (entry for entry in os.scandir(self.releases_dir) if entry.is_dir()),
                key=lambda entry: entry.stat().st_mtime,
                reverse=True,  # the newest release first
            )
        except OSError:
            return None
        for release in releases:
            root = Path(release.path).resolve()
            if root == self.own_root:
                continue
            candidate = os.path.join(root, name)
            if self.path_is_child_of(candidate, str(root) + os.sep) and os.path.isfile(candidate):
                static_file = self.get_static_file(candidate, url)
                self.files[url] = static_file
                return static_file
        return None

    def immutable_file_test(self, path, url):
        if super().immutable_file_test(path, url):
            return True
        # Another release's hashed file: its name changes whenever its content does.
        own = str(self.own_root) + os.sep if self.own_root else None
        return bool(
            self.releases_dir
            and (own is None or not str(path).startswith(own))
            and HASHED_NAME.search(url)
        )
