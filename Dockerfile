# Production image of the Knowledge Hub: `web` runs gunicorn, `worker` runs the task worker
# (see docker-compose.yml). Code runs from /app, where manage.py and templates/ live.
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=hub.settings.production \
    DJANGO_STATIC_ROOT=/app/static \
    DJANGO_MEDIA_ROOT=/app/media \
    HUB_VAR_DIR=/app/var

WORKDIR /app

# Text recognition of scanned pages (the worker's readers call tesseract), English and French.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, read from pyproject.toml alone, so a code change doesn't reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        >/tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

COPY . .

# An unprivileged user; the media/static volumes inherit these owners when first created.
RUN useradd --system --uid 1000 --user-group --home-dir /app --no-create-home hub \
    && mkdir -p /app/media /app/static /app/var \
    && chown hub:hub /app/media /app/static /app/var
USER hub

EXPOSE 8000
CMD ["gunicorn", "hub.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
