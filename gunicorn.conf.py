"""gunicorn settings for LDN Guide (read by `make serve` and production).

Every value can be changed with the environment variable named beside it.
"""

import multiprocessing
import os

# Loopback by default; a clinic's proxy or load balancer connects here.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers: each handles one request at a time, so a slow or failing request touches
# only itself. gunicorn suggests 2-4 per core; 2 per core plus one leaves room for the database.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"

# A request that takes longer than this is killed (the checker answers in milliseconds).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM, requests already being handled get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 2

# Workers are replaced now and then, so any slow memory growth never builds up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# Load the app once in the master, so workers start fast and share memory.
preload_app = True

# Guard against oversized request lines and headers.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The access log has the time, method, path (%(U)s: never the query string), status, size
# and duration in microseconds. No query string, no body, no Referer, no client address:
# nothing that could hold what a patient typed, or tie a person to a visit.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(D)s'
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# TLS ends at the proxy; trust its X-Forwarded-Proto only when it connects from here.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# gunicorn's "Server: gunicorn" header names no version, so it is left as it is.
proc_name = "ldn-guide"

# gunicorn 27's control socket is not needed: signals (HUP, TERM) do the same job, and one
# fixed socket path would clash when several servers run on one machine (tests, load runs).
control_socket_disable = True


def when_ready(server):
    """Build the checker's medicine index once, in the master, before any worker starts.

    Workers are forked from the master, so each one (and each replacement after
    max_requests) starts with the index in memory instead of spending seconds building it
    while patients wait. If the database is not reachable yet, workers build it on first use.
    """
    from django.db import connections

    try:
        from checker import engine

        engine.get_engine()
    except Exception as error:
        server.log.warning("Checker index not built ahead: %s", type(error).__name__)
    finally:
        # A database connection must never be shared by forked workers.
        connections.close_all()


class _ClosedListener:
    """Stands in for a listening socket already closed: requests only ask its address."""

    def __init__(self, address):
        self.address = address

    def getsockname(self):
        return self.address


def post_worker_init(worker):
    """On SIGTERM, serve the connections already waiting in the listen queue before exiting.

    gunicorn's sync worker stops at once after its current request; connections the kernel
    had queued but no worker had accepted yet would be reset when the last worker exits.
    Instead each worker, on its way out, accepts what is waiting, stops listening and
    answers them. New connections after that are refused (the load balancer retries them).
    """
    run = worker.run

    def run_then_drain():
        run()
        if worker.alive:  # the loop ended for another reason (parent gone)
            return
        waiting = []
        for listener in worker.sockets:
            closed = _ClosedListener(listener.getsockname())
            while True:
                try:
                    waiting.append((closed, *listener.accept()))
                except OSError:  # nothing left waiting (EAGAIN) or the socket is closed
                    break
            listener.close()
        for closed, client, address in waiting:
            client.setblocking(True)
            worker.handle(closed, client, address)

    worker.run = run_then_drain
