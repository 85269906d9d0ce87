# Read by gunicorn from the working directory (the Dockerfile's and docker-compose's
# command). The access log names the path without its query string (%(U)s, not the
# request line): a calendar feed's secret key travels in the query (board/views/calendar.py)
# and must never be written to a log.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s" %(s)s %(b)s "%(f)s" "%(a)s"'
