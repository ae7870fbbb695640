#pragma once

#include "store/types.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <optional>

namespace mlwb {

class Workspace;

/// A named comparison kept in the workspace: which runs, which metrics, the
/// x axis, smoothing and scales, as a JSON spec the chart tab writes and reads.
struct SavedView {
    Id id = 0;
    QString name;
    QJsonObject spec;
    QDateTime createdAt, updatedAt;
};

/// The saved_views table: save (insert or replace by name), list, find, remove.
class SavedViews
{
public:
    explicit SavedViews(const Workspace &workspace);

    QList<SavedView> list(QString *error = nullptr) const;
    std::optional<SavedView> find(const QString &name, QString *error = nullptr) const;
    /// Stores the view under its name, replacing one with the same name.
    bool save(SavedView *view, QString *error);
    bool remove(const QString &name, QString *error);

private:
    QSqlDatabase m_db;
};

} // namespace mlwb
