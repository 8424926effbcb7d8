#!/usr/bin/env python3
"""Generates a synthetic repository of N configuration files for connlint's benchmark.

The repository is made of "units" of 10 files each — one MySQL/MariaDB server and the three apps
that use it:

    db-K/my.cnf                     [mysqld], !include of a relative file, !includedir of conf.d
    db-K/conf.d/tuning.cnf          max_connections and friends (wins over my.cnf)
    db-K/replication.cnf            pulled in by !include
    orders-K/src/main/resources/application.yml        Spring Boot, HikariCP under spring.datasource.hikari
    orders-K/src/main/resources/application-prod.yml   the prod profile raises the pool
    catalog-K/src/main/resources/hikari.properties     a plain HikariCP pool
    web-K/web_K/settings.py         Django settings with DATABASES (mysql backend)
    web-K/gunicorn.conf.py          workers and threads
    k8s/orders-K.yaml               Deployment with rolling update + HorizontalPodAutoscaler
    k8s/catalog-K.yaml              Deployment

with a connlint.yml at the root declaring every server and app. N is rounded up to a multiple of
10; connlint.yml is not counted. Values vary with K so that some servers are over budget and some
are not (every budget rule has work to do). Output is deterministic for a given N and shape.

Shapes (--shape):
    units     the layout above (default)
    maven     the same units as a Maven multi-module build: a root pom and one module per app, the
              connlint plugin declared in the root pom (for `mvn connlint:check` vs `mvn validate`)
    single    one small project (1 unit) whose server variables are also written as
              `SHOW VARIABLES` output in variables.tsv, for pt-variable-advisor --source-of-variables

Usage: gen.py --files N --out DIR [--shape units|maven|single] [--plugin-version V]
Only the Python 3 standard library is used.
"""

import argparse
import os
import shutil
import sys

FILES_PER_UNIT = 10


def server_variables(k):
    """The server variables of unit k's server, in the order my.cnf + includes apply them."""
    return {
        "max_connections": 150 + (k % 7) * 50,
        "wait_timeout": 600 + (k % 5) * 300,
        "interactive_timeout": 900,
        "max_user_connections": 0,
        "thread_cache_size": 8 + k % 16,
        "table_open_cache": 4000,
        "innodb_buffer_pool_size": (1 + k % 4) * 1024 * 1024 * 1024,
        "sort_buffer_size": 262144,
        "join_buffer_size": 262144,
        "read_buffer_size": 131072,
        "read_rnd_buffer_size": 262144,
        "tmp_table_size": 16777216,
        "max_heap_table_size": 16777216,
        "open_files_limit": 10000,
        "max_allowed_packet": 67108864,
        "net_read_timeout": 30,
        "net_write_timeout": 60,
        "slow_query_log": "ON",
        "long_query_time": 2,
        "log_bin": "ON",
        "binlog_format": "ROW",
        "sync_binlog": 1,
        "innodb_flush_log_at_trx_commit": 1,
        "innodb_log_buffer_size": 16777216,
        "key_buffer_size": 8388608,
    }


def write(path, text, counter):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    counter[0] += 1


def unit_files(k):
    """(relative path, text) of the 10 files of unit k, plus its connlint.yml fragments."""
    v = server_variables(k)
    db = f"db-{k}"
    host = f"db-{k}.internal"
    files = []
    files.append((f"{db}/my.cnf", f"""# MySQL server {k} (mounted as /etc/mysql/my.cnf)
[client]
port = 3306
socket = /var/run/mysqld/mysqld.sock

[mysqld]
pid-file        = /var/run/mysqld/mysqld.pid
socket          = /var/run/mysqld/mysqld.sock
datadir         = /var/lib/mysql
skip-name-resolve
max_connections = {v['max_connections'] // 2}
wait_timeout    = {v['wait_timeout']}
interactive_timeout = {v['interactive_timeout']}
max_user_connections = {v['max_user_connections']}
table_open_cache = {v['table_open_cache']}
open_files_limit = {v['open_files_limit']}
max_allowed_packet = 64M
net_read_timeout = {v['net_read_timeout']}
net_write_timeout = {v['net_write_timeout']}
key_buffer_size = 8M

[mysqldump]
quick
max_allowed_packet = 64M

!include replication.cnf
!includedir /etc/mysql/conf.d/
"""))
    files.append((f"{db}/replication.cnf", f"""# binary log and durability
[mysqld]
server-id = {k + 1}
log_bin = ON
binlog_format = {v['binlog_format']}
sync_binlog = {v['sync_binlog']}
innodb_flush_log_at_trx_commit = {v['innodb_flush_log_at_trx_commit']}
slow_query_log = ON
long_query_time = {v['long_query_time']}
"""))
    files.append((f"{db}/conf.d/tuning.cnf", f"""# tuning, read after my.cnf: these values win
[mysqld]
max_connections = {v['max_connections']}
thread_cache_size = {v['thread_cache_size']}
innodb_buffer_pool_size = {v['innodb_buffer_pool_size'] // (1024 * 1024 * 1024)}G
innodb_log_buffer_size = 16M
sort_buffer_size = {v['sort_buffer_size']}
join_buffer_size = {v['join_buffer_size']}
read_buffer_size = {v['read_buffer_size']}
read_rnd_buffer_size = {v['read_rnd_buffer_size']}
tmp_table_size = 16M
max_heap_table_size = 16M
"""))
    pool = 10 + (k % 6) * 10
    lifetime = 300000 + (k % 4) * 600000
    files.append((f"orders-{k}/src/main/resources/application.yml", f"""# orders-{k} (Spring Boot)
spring:
  application:
    name: orders-{k}
  datasource:
    url: jdbc:mysql://{host}:3306/orders
    username: orders
    password: ${{ORDERS_DB_PASSWORD:}}
    hikari:
      maximum-pool-size: ${{ORDERS_POOL_SIZE:{pool // 2}}}
      minimum-idle: 2
      max-lifetime: {lifetime}
      idle-timeout: 120000
      connection-timeout: 3000
server:
  port: 8080
management:
  endpoints:
    web:
      exposure:
        include: health,info
"""))
    files.append((f"orders-{k}/src/main/resources/application-prod.yml", f"""# production: a bigger pool
spring:
  datasource:
    hikari:
      maximum-pool-size: {pool}
logging:
  level:
    root: INFO
"""))
    files.append((f"catalog-{k}/src/main/resources/hikari.properties", f"""# catalog-{k}: HikariCP pool
jdbcUrl=jdbc:mysql://{host}:3306/catalog?useSSL=true
username=catalog
maximumPoolSize={5 + k % 20}
minimumIdle=2
connectionTimeout=30000
idleTimeout=600000
maxLifetime={1800000 - (k % 3) * 600000}
poolName=catalog-{k}
"""))
    files.append((f"web-{k}/web_{k}/settings.py", f'''"""Django settings of web-{k}."""
import os

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = ["web-{k}.internal"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "shop",
]

DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.mysql",
        "HOST": os.environ.get("DB_HOST", "{host}"),
        "PORT": os.environ.get("DB_PORT", "3306"),
        "NAME": "web",
        "USER": "web",
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        "CONN_MAX_AGE": {60 * (1 + k % 10)},
        "CONN_HEALTH_CHECKS": True,
    }}
}}

TIME_ZONE = "UTC"
USE_TZ = True
'''))
    files.append((f"web-{k}/gunicorn.conf.py", f"""# gunicorn for web-{k}
bind = "0.0.0.0:8000"
workers = {2 + k % 3}
threads = {1 + k % 4}
timeout = 30
"""))
    files.append((f"k8s/orders-{k}.yaml", f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-{k}
spec:
  replicas: {2 + k % 4}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      app: orders-{k}
  template:
    metadata:
      labels:
        app: orders-{k}
    spec:
      containers:
        - name: orders
          image: registry.internal/orders:1.{k}
          env:
            - name: SPRING_PROFILES_ACTIVE
              value: prod
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: orders-{k}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: orders-{k}
  minReplicas: {2 + k % 4}
  maxReplicas: {4 + k % 8}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
"""))
    files.append((f"k8s/catalog-{k}.yaml", f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: catalog-{k}
spec:
  replicas: {1 + k % 3}
  selector:
    matchLabels:
      app: catalog-{k}
  template:
    metadata:
      labels:
        app: catalog-{k}
    spec:
      containers:
        - name: catalog
          image: registry.internal/catalog:2.{k}
"""))
    assert len(files) == FILES_PER_UNIT
    server_yml = f"""  db-{k}:
    engine: {"mysql-8.0" if k % 4 else "mariadb-10.11"}
    optionFiles: [{db}/my.cnf]
    pathMap: {{ /etc/mysql/conf.d: {db}/conf.d }}
    reserved: {5 + k % 10}
    hosts: [{host}]
    ramMb: {8192 * (1 + k % 4)}
"""
    apps_yml = f"""  orders-{k}:
    config: [orders-{k}/src/main/resources/application.yml]
    profiles: [prod]
    deployment: k8s/orders-{k}.yaml
  catalog-{k}:
    config: [catalog-{k}/src/main/resources/hikari.properties]
    deployment: k8s/catalog-{k}.yaml
  web-{k}:
    config: [web-{k}/web_{k}/settings.py]
    gunicorn: web-{k}/gunicorn.conf.py
    instances: {1 + k % 3}
"""
    return files, server_yml, apps_yml


POM_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
"""


def root_pom(modules, plugin_version):
    mods = "\n".join(f"    <module>{m}</module>" for m in modules)
    return POM_HEAD + f"""  <groupId>bench.connlint</groupId>
  <artifactId>bench-root</artifactId>
  <version>1.0</version>
  <packaging>pom</packaging>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <modules>
{mods}
  </modules>
  <build>
    <plugins>
      <plugin>
        <groupId>io.connlint</groupId>
        <artifactId>connlint-maven-plugin</artifactId>
        <version>{plugin_version}</version>
        <configuration>
          <failOn>never</failOn>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
"""


def module_pom(name):
    return POM_HEAD + f"""  <parent>
    <groupId>bench.connlint</groupId>
    <artifactId>bench-root</artifactId>
    <version>1.0</version>
  </parent>
  <artifactId>{name}</artifactId>
  <packaging>pom</packaging>
</project>
"""


def variables_tsv(k):
    """SHOW VARIABLES output (tab-separated name and value, as `mysql -B` prints it)."""
    lines = ["Variable_name\tValue"]
    variables = dict(server_variables(k), version="8.0.36" if k % 4 else "10.11.6-MariaDB")
    for name, value in sorted(variables.items()):
        lines.append(f"{name}\t{value}")
    return "\n".join(lines) + "\n"


def generate(files, out, shape, plugin_version):
    units = 1 if shape == "single" else max(1, -(-files // FILES_PER_UNIT))
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    counter = [0]
    servers, apps, modules = [], [], []
    for k in range(units):
        unit, server_yml, apps_yml = unit_files(k)
        for rel, text in unit:
            write(os.path.join(out, rel), text, counter)
        servers.append(server_yml)
        apps.append(apps_yml)
        modules += [f"orders-{k}", f"catalog-{k}", f"web-{k}"]
    with open(os.path.join(out, "connlint.yml"), "w", encoding="utf-8") as f:
        f.write(f"# synthetic benchmark repository: {units} servers, {3 * units} apps, {counter[0]} files\n")
        f.write("servers:\n" + "".join(servers) + "apps:\n" + "".join(apps))
        f.write("rules:\n  CL303: { marginSeconds: 30 }\n")
    if shape == "maven":
        with open(os.path.join(out, "pom.xml"), "w", encoding="utf-8") as f:
            f.write(root_pom(modules, plugin_version))
        for m in modules:
            with open(os.path.join(out, m, "pom.xml"), "w", encoding="utf-8") as f:
                f.write(module_pom(m))
    if shape == "single":
        with open(os.path.join(out, "variables.tsv"), "w", encoding="utf-8") as f:
            f.write(variables_tsv(0))
    return counter[0]


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=1000, help="configuration files to write (rounded up to 10)")
    p.add_argument("--out", required=True, help="directory to (re)create")
    p.add_argument("--shape", choices=["units", "maven", "single"], default="units")
    p.add_argument("--plugin-version", default="0.1.0-SNAPSHOT")
    a = p.parse_args(argv)
    n = generate(a.files, a.out, a.shape, a.plugin_version)
    print(f"{a.out}: {n} configuration files")


if __name__ == "__main__":
    main(sys.argv[1:])
