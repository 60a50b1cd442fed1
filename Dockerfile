# One image per platform service, built from this repository:
#   docker build --build-arg MODULE=intake --build-arg MAIN_CLASS=dk.rm.patientsafety.intake.IntakeApplication -t patient-safety/intake .
# docker-compose.yml passes both build args for intake, classifier, alerting, statistics, learning and schema-registry.

# ---- build: the service module and the modules it depends on, plus its runtime dependencies in target/lib
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN test -n "${MODULE}" || { echo "build arg MODULE is required (intake, classifier, alerting, statistics, learning or schema-registry)" >&2; exit 1; }
RUN ./mvnw -q -B -pl "services/${MODULE}" -am -DskipTests package \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib \
 && mkdir -p /out \
 && cp "services/${MODULE}/target/${MODULE}-"*.jar /out/app.jar \
 && cp -r "services/${MODULE}/target/lib" /out/lib

# ---- runtime: JRE only, unprivileged user
FROM eclipse-temurin:17-jre
ARG MAIN_CLASS
RUN test -n "${MAIN_CLASS}" || { echo "build arg MAIN_CLASS is required (the service's *Application class)" >&2; exit 1; }
ENV MAIN_CLASS=${MAIN_CLASS}
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app /var/lib/patient-safety/streams \
 && chown app:app /var/lib/patient-safety/streams
WORKDIR /app
COPY --from=build /out/lib/ lib/
COPY --from=build /out/app.jar app.jar
USER app
# Configuration comes from environment variables (see docker-compose.yml); exec makes java PID 1 so it gets SIGTERM.
ENTRYPOINT exec java -cp "app.jar:lib/*" "$MAIN_CLASS"
