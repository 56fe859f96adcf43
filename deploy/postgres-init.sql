-- One database per service (ARCHITECTURE.md): a service never reads another's tables.
CREATE DATABASE intake;
CREATE DATABASE reporting;
CREATE DATABASE rectification;
CREATE DATABASE appeal;
