"""A release folder: its layout, tables, versions, card, writing, verification and publishing.

- :mod:`~claimbench.release.table`: claims and papers as Arrow tables, written to Parquet;
- :mod:`~claimbench.release.layout`: where each table and shard lives in a release, reading them back;
- :mod:`~claimbench.release.versioning`: the releases of a folder, their manifests, the next version;
- :mod:`~claimbench.release.shard_validation`: the validation report of a sharded build;
- :mod:`~claimbench.release.card`: the dataset card (README.md of a release);
- :mod:`~claimbench.release.writer`: staging a release and renaming it into place, durably;
- :mod:`~claimbench.release.verify`: checksums, schema, row counts and the suite, of a written release;
- :mod:`~claimbench.release.publish`: uploading a verified release to the Hugging Face Hub.
"""
