#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

class QModelIndex;

namespace mlwb {

class Workspace;

/// Every stored field of the item a taxonomy node stands for, as
/// (field, value) pairs for the properties panel: read fresh from the store.
class ItemProperties
{
    Q_DECLARE_TR_FUNCTIONS(ItemProperties)

public:
    using Field = QPair<QString, QString>;

    /// The fields of `index` (a TaxonomyModel index); `workspace` is the open
    /// one, or null. Returns false with *error set when the store failed.
    static bool describe(const Workspace *workspace, const QModelIndex &index, QList<Field> *out,
                         QString *error);

    /// A run's fields, the first its name (for the run whose page is in front).
    static bool describeRun(const Workspace &workspace, qint64 runId, QList<Field> *out,
                            QString *error)
    {
        return run(workspace, runId, out, error);
    }

private:
    static bool workspace(const Workspace *workspace, const QModelIndex &index, QList<Field> *out);
    static bool target(const Workspace &ws, qint64 id, QList<Field> *out, QString *error);
    static bool datastore(const Workspace &ws, const QString &name, QList<Field> *out,
                          QString *error);
    static bool experiment(const Workspace &ws, qint64 id, QList<Field> *out, QString *error);
    static bool run(const Workspace &ws, qint64 id, QList<Field> *out, QString *error);
    static bool model(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                      QString *error);
    static bool modelVersion(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                             QString *error);
    static bool environment(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                            QString *error);
    static bool image(const Workspace &ws, qint64 id, QList<Field> *out, QString *error);
    static bool endpoint(const Workspace &ws, const QString &name, QList<Field> *out,
                         QString *error);
    static bool deployment(const Workspace &ws, const QString &name, QList<Field> *out,
                           QString *error);
    static bool pipeline(const Workspace &ws, const QModelIndex &index, QList<Field> *out,
                         QString *error);
};

} // namespace mlwb
