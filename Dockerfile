# One image for web, worker and beat (docker-compose.yml picks the command).

FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
COPY scripts/copy_assets.sh scripts/
RUN npm ci --no-audit --no-fund --loglevel=error && sh scripts/copy_assets.sh

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# Pango and its fonts are what WeasyPrint needs to lay out the PDF reports.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 lscb
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=assets /build/static/govuk static/govuk
COPY --from=assets /build/static/fonts static/fonts
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input \
 && mkdir -p var/media && chown -R lscb:lscb var
USER lscb
EXPOSE 8000
CMD ["gunicorn", "lscb.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
