"""Settings shared by every environment of the storefront."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEBUG = False
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "shop"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "HOST": os.environ.get("DB_HOST", "db.shop.internal"),
        "PORT": os.environ.get("DB_PORT", "3306"),
        "NAME": "storefront",
        "USER": "storefront",
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
    }
}
