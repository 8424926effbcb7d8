# A template that is not Python until rendered: one problem per template statement.
# expect-problem: 1 not Python: a Jinja template tag '{%'
{% if cookiecutter.use_sentry == 'y' -%}
import logging
# expect-problem: 1 not Python: a Jinja template tag '{%'
{% endif -%}
from os import environ
# expect-problem: 26 not Python: a Jinja template tag '{%'
COMPRESS_URL = STATIC_URL{% if cookiecutter.use_whitenoise == 'y' %}  # noqa: F405

# A template tag inside a dict display spoils the whole statement.
STORAGES = {
# expect-problem: 1 not Python: a Jinja template tag '{%'
{%- if cookiecutter.use_whitenoise == 'y' %}
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
{%- endif %}
}
# expect: STORAGES = <absent>
# A template expression in a string is just a string.
# expect: DOMAIN = '{{ cookiecutter.domain_name }}'
DOMAIN = "{{ cookiecutter.domain_name }}"
# expect: AFTER = 'read'
AFTER = "read"
# expect: logging = <module logging>
