-- One database per service (docs/architecture.md): a service never reads another's tables.
CREATE DATABASE intake;
CREATE DATABASE reporting;
CREATE DATABASE rectification;
CREATE DATABASE appeal;
CREATE DATABASE sync;
