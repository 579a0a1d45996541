"""Error emails for real server errors only."""

import logging


class ServerErrorsOnly(logging.Filter):
    """Drops 503s from the error emails: the database is down, the friendly page is working as
    meant, and the outage shows in the log (once) and in /readyz. One email per patient
    request during an outage would bury the emails about real errors (500s)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503
