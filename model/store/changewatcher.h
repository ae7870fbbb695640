#pragma once

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

namespace mlwb {

/// Notices changes to a workspace made by any process (the GUI itself, a
/// CLI command beside it, run supervisors) and says which topics changed
/// ("runs", "experiments", "metrics", ...; see schema::topics()).
/// It polls SQLite's data_version on its own read-only connection, which
/// costs one tiny query per interval, and reads the revision counters that
/// triggers bump only when that moved.
class ChangeWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ChangeWatcher(const QString &databasePath, QObject *parent = nullptr);
    ~ChangeWatcher() override;

    /// Polling interval in ms (default 200).
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    QString lastError() const { return m_lastError; }

public Q_SLOTS:
    /// Checks now; emits changed() when something moved since the last check.
    void poll();

Q_SIGNALS:
    void changed(const QStringList &topics);

private:
    bool readRevisions(QHash<QString, qint64> *out);

    QString m_connectionName;
    QTimer m_timer;
    qint64 m_dataVersion = -1;
    QHash<QString, qint64> m_revisions;
    QString m_lastError;
};

} // namespace mlwb
