#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace mlwb {

/// One file of a model version: its path inside the version and its content address.
struct ManifestEntry {
    QString path; // relative, '/'-separated, e.g. "model/weights.bin"
    QString sha256;
    qint64 size = 0;
};

/// The files of one model version, sorted by path. Stored as a blob itself;
/// its digest is the version's content address, so identical folders have
/// identical digests.
struct Manifest {
    QList<ManifestEntry> entries;

    void sort();
    qint64 totalSize() const;
    /// Compact JSON with entries in path order: the bytes the digest is of.
    QByteArray toJson() const;
    QString digest() const;
    static std::optional<Manifest> fromJson(const QByteArray &json, QString *error);
};

} // namespace mlwb
