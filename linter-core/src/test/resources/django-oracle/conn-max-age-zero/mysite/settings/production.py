DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.mysql',
        'NAME': 'orders',
        'USER': 'orders',
        'HOST': '10.0.0.5',
        'PORT': 3307,
        'CONN_MAX_AGE': 0,
    }
}
