#!/usr/bin/python3
"""Interoperability of our schema registry and Avro wire format with Confluent's Python client.

Run by PythonInteropIT with Debian's python3-confluent-kafka 1.7.0 (librdkafka 2.0.2), python3-avro and
python3-requests. In 1.7.0 the new confluent_kafka.schema_registry.avro.AvroSerializer needs fastavro, which
Debian does not package, so records are (de)serialized with the legacy MessageSerializer, which uses python3-avro.

It
  1. drives the registry with confluent_kafka.schema_registry.SchemaRegistryClient (register, look up,
     versions, compatibility, errors),
  2. produces one IncidentReported-shaped record with the legacy Avro serializer to --to-java-topic,
     for the Java side to read with our AvroDeserializer,
  3. consumes the record our Java AvroSerializer wrote to --from-java-topic and decodes it.
and prints one JSON document with what it saw; the Java test asserts on it. Failures exit non-zero.
"""

import argparse
import os
import datetime
import json
import sys

import avro.schema
from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING
from confluent_kafka.avro import CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

SUBJECT = "python-interop-value"


def record_schema(*extra_fields):
    fields = [{"name": "a", "type": "string"}] + list(extra_fields)
    return Schema(json.dumps({"type": "record", "name": "PyInterop", "namespace": "dk.rm.patientsafety.interop",
                              "fields": fields}), "AVRO")


def error_of(call):
    """The registry's error for a call that must fail, as {http, code}."""
    try:
        call()
    except SchemaRegistryError as e:
        return {"http": e.http_status_code, "code": e.error_code}
    raise AssertionError("expected a SchemaRegistryError")


def signed_in(registry, url):
    """Our registry wants a bearer token; confluent-kafka 1.7.0 has no setting for one, so it goes on the session."""
    session = registry._rest_client.session if hasattr(registry, "_rest_client") else registry._session
    session.headers["Authorization"] = "Bearer " + os.environ["REGISTRY_TOKEN"]
    session.auth = None  # the legacy client sets empty Basic credentials, which would replace the header
    return registry


def registry_checks(url):
    # A new client per step where it matters: the client caches, and the point is to talk to the server.
    def client():
        return signed_in(SchemaRegistryClient({"url": url}), url)

    v1 = record_schema()
    v2 = record_schema({"name": "b", "type": "string", "default": "x"})
    v3 = record_schema({"name": "b", "type": "string", "default": "x"}, {"name": "c", "type": "int"})
    out = {}
    out["set_compatibility"] = client().set_compatibility(SUBJECT, "backward_transitive")
    out["get_compatibility"] = client().get_compatibility(SUBJECT)
    out["global_compatibility"] = client().get_compatibility()
    out["id_v1"] = client().register_schema(SUBJECT, v1)
    out["id_v1_again"] = client().register_schema(SUBJECT, v1)
    out["v2_compatible"] = client().test_compatibility(SUBJECT, v2)
    out["id_v2"] = client().register_schema(SUBJECT, v2)
    out["v3_compatible"] = client().test_compatibility(SUBJECT, v3)
    out["v3_compatible_with_v1"] = client().test_compatibility(SUBJECT, v3, version=1)
    out["register_v3_error"] = error_of(lambda: client().register_schema(SUBJECT, v3))
    looked_up = client().lookup_schema(SUBJECT, v1)
    out["lookup_v1"] = {"id": looked_up.schema_id, "version": looked_up.version, "subject": looked_up.subject}
    out["get_schema_v1"] = json.loads(client().get_schema(out["id_v1"]).schema_str)
    latest = client().get_latest_version(SUBJECT)
    out["latest"] = {"id": latest.schema_id, "version": latest.version}
    first = client().get_version(SUBJECT, 1)
    out["version_1"] = {"id": first.schema_id, "version": first.version}
    out["versions"] = client().get_versions(SUBJECT)
    out["subjects"] = client().get_subjects()
    out["unknown_id_error"] = error_of(lambda: client().get_schema(987654))
    out["unknown_subject_error"] = error_of(lambda: client().get_versions("python-no-such-subject"))
    out["unknown_version_error"] = error_of(lambda: client().get_version(SUBJECT, 99))
    out["lookup_unregistered_error"] = error_of(lambda: client().lookup_schema(SUBJECT, v3))
    out["invalid_schema_error"] = error_of(lambda: client().register_schema(SUBJECT, Schema('{"type": "nope"}', "AVRO")))
    out["invalid_level_error"] = error_of(lambda: client().set_compatibility(SUBJECT, "SIDEWAYS"))
    return out


def incident():
    return {
        "reportId": "py-report-1",
        "source": "python",
        "sourceId": "PY-42",
        "receivedAt": datetime.datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=datetime.timezone.utc),
        "headline": "Forveksling af patienter – æøå",
        "description": "Skrevet af Pythons Avro-serializer",
        "eventDate": datetime.date(2024, 5, 5),
        "eventTime": datetime.time(13, 45, 30),
        "incidentLocation": "6620096",
        "involvedLocations": [{"sorCode": "123456", "role": "DISCOVERED"}],
        "actualConsequence": "MINOR",
        "possibleConsequence": "SERIOUS",
        "mainGroup": "Medicin",
        "medicines": [{"tradeName": "Panodil", "substance": "paracetamol", "route": None, "strength": "500 mg",
                       "atcCode": "N02BE01"}],
        "devices": [],
        "reporterType": "HEALTH_PROFESSIONAL",
        "patientReference": None,
        "historical": True,
    }


def produce(kafka, serializer, topic, schema):
    value = serializer.encode_record_with_schema(topic, schema, incident())
    delivered = []
    producer = Producer({**kafka, "enable.idempotence": True})
    producer.produce(topic, key=b"py-report-1", value=value,
                     on_delivery=lambda err, msg: delivered.append((err, msg.offset() if msg else None)))
    if producer.flush(30) != 0 or not delivered or delivered[0][0] is not None:
        raise RuntimeError("produce to %s failed: %s" % (topic, delivered))
    return {"topic": topic, "schema_id": int.from_bytes(value[1:5], "big"), "offset": delivered[0][1]}


def consume(kafka, serializer, topic):
    consumer = Consumer({**kafka, "group.id": "python-interop",
                         "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    try:
        consumer.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
        deadline = datetime.datetime.now() + datetime.timedelta(seconds=30)
        while datetime.datetime.now() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise RuntimeError("consume from %s failed: %s" % (topic, message.error()))
            return {"key": message.key().decode("utf-8"), "schema_id": int.from_bytes(message.value()[1:5], "big"),
                    "value": serializer.decode_message(message.value())}
        raise RuntimeError("no record on %s within 30 s" % topic)
    finally:
        consumer.close()


def to_json(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    raise TypeError("not JSON: %r" % (value,))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--username", required=True, help="a SCRAM-SHA-512 account, as every client of the platform signs in")
    parser.add_argument("--registry", required=True)
    parser.add_argument("--schema-file", required=True, help="IncidentReported's Avro schema")
    parser.add_argument("--to-java-topic", required=True)
    parser.add_argument("--from-java-topic", required=True)
    args = parser.parse_args()
    # The password comes through the environment, never the command line (other users can read /proc/*/cmdline).
    kafka = {"bootstrap.servers": args.bootstrap, "security.protocol": "SASL_PLAINTEXT", "sasl.mechanism": "SCRAM-SHA-512",
             "sasl.username": args.username, "sasl.password": os.environ["KAFKA_PASSWORD"]}

    serializer = MessageSerializer(signed_in(CachedSchemaRegistryClient({"url": args.registry}), args.registry))
    with open(args.schema_file, encoding="utf-8") as f:
        schema = avro.schema.parse(f.read())
    result = {
        "registry": registry_checks(args.registry),
        "produced": produce(kafka, serializer, args.to_java_topic, schema),
        "consumed": consume(kafka, serializer, args.from_java_topic),
    }
    json.dump(result, sys.stdout, default=to_json, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
