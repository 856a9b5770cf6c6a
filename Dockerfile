# syntax=docker/dockerfile:1
# Parley's image: the Spring Boot jar (with the offline embedding model inside), extracted, on a Java 25 runtime with
# the JVM's AOT cache made at build time (a restart is ready ~40% sooner; the code targets Java 21), as a non-root
# user. Build: docker build -t parley .   Run: docker run -p 8080:8080 -v parley-data:/var/lib/parley parley
# A whole installation (PostgreSQL, Redis, MinIO, two web nodes, a worker, nginx, Prometheus, Grafana): deploy/.

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# two Maven modules: engine/ (the training engine) and app/, whose sources are src/ (docs/adr/0033-training-engine-module.md)
COPY engine engine
COPY app app
COPY src src
# The cache mount keeps downloaded dependencies between builds; tests run in CI, not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -Dmaven.test.skip=true \
    && cp target/parley-*.jar /parley.jar

FROM eclipse-temurin:25-jre
# curl for the health check; nothing else is added to the runtime image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 parley \
    && useradd --system --uid 10001 --gid parley --home-dir /var/lib/parley --shell /usr/sbin/nologin parley \
    && mkdir -p /app /var/lib/parley \
    && chown parley:parley /var/lib/parley
COPY --from=build /parley.jar /tmp/parley.jar
COPY deploy/docker-entrypoint.sh /app/docker-entrypoint.sh
# The AOT cache only covers classes from plain jars on the class path, so the jar is extracted (app/parley.jar with
# its libraries in app/lib/); the training run starts the application once on a throw-away data directory.
RUN java -Djarmode=tools -jar /tmp/parley.jar extract --destination /app/app \
    && mv /app/app/parley-*.jar /app/app/parley.jar && rm /tmp/parley.jar \
    && PARLEY_JAR=/app/app/parley.jar PARLEY_AOT_CACHE=/app/parley.aot /app/docker-entrypoint.sh aot-cache

USER 10001:10001
ENV PARLEY_DATA_DIR=/var/lib/parley \
    PARLEY_JAR=/app/app/parley.jar \
    PARLEY_AOT_CACHE=/app/parley.aot \
    PORT=8080 \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
VOLUME /var/lib/parley
EXPOSE 8080
# Readiness, not liveness: a node still loading its knowledge index or draining for shutdown is not healthy yet.
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-${PORT}}/actuator/health/readiness" > /dev/null || exit 1
ENTRYPOINT ["/app/docker-entrypoint.sh"]
