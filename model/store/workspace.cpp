#include "store/workspace.h"

#include "store/schema.h"
#include "store/sqlerror.h"
#include "store/storagemedium.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mlwb {

namespace {

const char *const databaseFile = "workspace.db";

QString folderName(Workspace::Folder folder)
{
    switch (folder) {
    case Workspace::Folder::Runs:
        return QStringLiteral("runs");
    case Workspace::Folder::Snapshots:
        return QStringLiteral("snapshots");
    case Workspace::Folder::Models:
        return QStringLiteral("models");
    case Workspace::Folder::Images:
        return QStringLiteral("images");
    case Workspace::Folder::DefaultDatastore:
        return QStringLiteral("datastores/default");
    case Workspace::Folder::Projects:
        return QStringLiteral("projects");
    case Workspace::Folder::Python:
        return QStringLiteral(".mlwb/python");
    case Workspace::Folder::Deployments:
        return QStringLiteral("deployments");
    }
    return {};
}

const Workspace::Folder allFolders[] = {
    Workspace::Folder::Runs,   Workspace::Folder::Snapshots,        Workspace::Folder::Models,
    Workspace::Folder::Images, Workspace::Folder::DefaultDatastore, Workspace::Folder::Projects,
};

QString damagedMessage(const QString &file, const QStringList &problems)
{
    return QObject::tr("%1 is damaged: SQLite's integrity check says \"%2\". It was left "
                       "untouched; restore the workspace folder from a copy (backup), or see "
                       "mlwb workspace check for the full report.")
        .arg(QDir::toNativeSeparators(file), problems.mid(0, 3).join(QStringLiteral("; ")));
}

bool configureReader(const QSqlDatabase &db, QString *error)
{
    return sql::exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), error)
           // Charts read whole series of packed points: mapping the file
           // saves a read() call per page.
           && sql::exec(db, QStringLiteral("PRAGMA mmap_size = 1073741824"), error);
}

// SQLite's result codes that say what kind of file it found.
enum Code { Corrupt = 11, NotADatabase = 26 };

// The first read of a connection: SQLite's code (0: fine) and its failure.
int firstRead(const QSqlDatabase &db, QSqlError *failure)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA application_id")) && query.next())
        return 0;
    *failure = query.lastError();
    return qMax(1, storage::sqliteCode(*failure));
}

// Why a first read failed, in the user's terms: "damaged" only when SQLite's
// own check says so, never for a medium that cannot be written.
QString unreadable(const QSqlDatabase &db, const QString &file, const QSqlError &failure)
{
    const QString native = QDir::toNativeSeparators(file);
    const QString own = storage::errorText(failure);
    const int code = storage::sqliteCode(failure);
    if (code == NotADatabase)
        return QObject::tr("%1 is not an SQLite database (%2); it was left untouched.")
            .arg(native, own);
    QStringList problems;
    if (code == Corrupt) {
        storage::integrityProblems(db, false, &problems);
        if (!problems.isEmpty())
            return damagedMessage(file, problems);
    }
    return QObject::tr("Could not read %1: %2").arg(native, own);
}

// Reads the header pragmas; a file that is not SQLite fails here, not later.
bool checkIdentity(const QSqlDatabase &db, const QString &file, QString *error)
{
    QSqlError failure;
    if (firstRead(db, &failure) != 0)
        return sql::fail(error, unreadable(db, file, failure));
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return sql::exec(query, error);
    const int appId = query.value(0).toInt();
    const int version = schema::currentVersion(db, error);
    if (version < 0)
        return false;
    if (appId != schema::applicationId) {
        return sql::fail(error, QObject::tr("%1 is an SQLite database, but not an ML Workbench "
                                            "workspace; it was left untouched.")
                                    .arg(QDir::toNativeSeparators(file)));
    }
    if (version > schema::latestVersion()) {
        return sql::fail(error, QObject::tr("This workspace was written by a newer ML Workbench "
                                            "(schema %1; this version understands up to %2). "
                                            "Update ML Workbench to open it.")
                                    .arg(version)
                                    .arg(schema::latestVersion()));
    }
    return true;
}

bool configure(const QSqlDatabase &db, QString *error)
{
    // WAL lets readers (the GUI) go on while one writer commits; NORMAL sync
    // is durable across application crashes, which is what WAL needs.
    return sql::exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), error)
           && sql::exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), error)
           && configureReader(db, error);
}

// A read-only connection cannot upgrade: an older schema is refused with the reason.
bool checkReadable(const QSqlDatabase &db, const QString &reason, QString *error)
{
    const int version = schema::currentVersion(db, error);
    if (version < 0 || !configureReader(db, error))
        return false;
    if (version < schema::latestVersion()) {
        return sql::fail(error, QObject::tr("This workspace has schema %1 and must be upgraded "
                                            "to %2 to be opened, but %3.")
                                    .arg(version)
                                    .arg(schema::latestVersion())
                                    .arg(reason));
    }
    return true;
}

bool seed(Workspace &ws, QString *error)
{
    const QSqlDatabase db = ws.database();
    WriteTransaction transaction(db);
    if (!transaction.begin(error))
        return false;
    QSqlQuery query(db);
    const qint64 now = sql::now();
    if (!sql::prepare(query,
                      QStringLiteral("INSERT INTO workspace_info(key, value) VALUES "
                                     "('name', ?), ('created_at', ?), ('created_by', ?)"),
                      error))
        return false;
    query.addBindValue(QFileInfo(ws.path()).fileName());
    query.addBindValue(QString::number(now));
    query.addBindValue(QStringLiteral("ML Workbench " MLWB_VERSION));
    if (!sql::exec(query, error))
        return false;
    if (!sql::prepare(query,
                      QStringLiteral("INSERT INTO compute_targets(name, kind, created_at) "
                                     "VALUES ('local', 'local', ?)"),
                      error))
        return false;
    query.addBindValue(now);
    if (!sql::exec(query, error))
        return false;
    if (!sql::prepare(query,
                      QStringLiteral("INSERT INTO datastores(name, kind, path, is_default, "
                                     "created_at) VALUES ('default', 'folder', ?, 1, ?)"),
                      error))
        return false;
    query.addBindValue(QStringLiteral("datastores/default"));
    query.addBindValue(now);
    return sql::exec(query, error) && transaction.commit(error);
}

} // namespace

Workspace::Workspace(const QString &path)
    : m_path(QDir::cleanPath(QDir(path).absolutePath()))
    , m_connectionName(QStringLiteral("mlwb-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

Workspace::~Workspace()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Workspace::exists(const QString &dir)
{
    return QFileInfo(QDir(dir).filePath(QLatin1String(databaseFile))).isFile();
}

std::unique_ptr<Workspace> Workspace::create(const QString &dir, QString *error)
{
    const QString native = QDir::toNativeSeparators(dir);
    if (exists(dir)) {
        sql::fail(error, QObject::tr("%1 already holds a workspace.").arg(native));
        return nullptr;
    }
    const QDir folder(dir);
    if (folder.exists()
        && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        sql::fail(error,
                  QObject::tr("%1 is not empty; a new workspace needs an empty or new folder.")
                      .arg(native));
        return nullptr;
    }
    if (!QDir().mkpath(dir)) {
        sql::fail(error, QObject::tr("Could not create the folder %1.").arg(native));
        return nullptr;
    }
    std::unique_ptr<Workspace> ws(new Workspace(dir));
    if (!ws->connect(QString(), error) || !configure(ws->database(), error)
        || !schema::migrate(ws->database(), error) || !seed(*ws, error))
        return nullptr;
    for (Folder f : allFolders) {
        if (!QDir().mkpath(ws->folder(f))) {
            sql::fail(error, QObject::tr("Could not create the folder %1.")
                                 .arg(QDir::toNativeSeparators(ws->folder(f))));
            return nullptr;
        }
    }
    return ws;
}

std::unique_ptr<Workspace> Workspace::open(const QString &dir, QString *error)
{
    const QString native = QDir::toNativeSeparators(dir);
    if (!QFileInfo(dir).isDir()) {
        sql::fail(
            error,
            QObject::tr("There is no workspace at %1: the folder does not exist.").arg(native));
        return nullptr;
    }
    if (!exists(dir)) {
        sql::fail(error, QObject::tr("%1 is not an ML Workbench workspace (it has no %2).")
                             .arg(native, QLatin1String(databaseFile)));
        return nullptr;
    }
    std::unique_ptr<Workspace> ws(new Workspace(dir));
    QString readOnly = storage::readOnlyReason(ws->path());
    if (readOnly.isEmpty()) {
        if (!ws->connect(QString(), error))
            return nullptr;
        readOnly = ws->mediumProblem();
    }
    if (!readOnly.isEmpty() && !ws->connect(readOnly, error))
        return nullptr;
    const QSqlDatabase db = ws->database();
    if (!checkIdentity(db, ws->databasePath(), error))
        return nullptr;
    if (!readOnly.isEmpty()) {
        if (!checkReadable(db, readOnly, error))
            return nullptr;
        return ws;
    }
    if (!configure(db, error) || !schema::migrate(db, error))
        return nullptr;
    for (Folder f : allFolders)
        QDir().mkpath(ws->folder(f)); // a copied workspace may lack empty folders
    return ws;
}

QString Workspace::mediumProblem()
{
    QSqlError failure;
    const int code = firstRead(database(), &failure);
    if (code == 0 || !storage::isMediumCode(code))
        return {};
    // A writer that cannot even map the WAL index leaves a read-only view.
    const QString reason = storage::isDiskFull(m_path) ? storage::fullDiskReason(m_path)
                                                       : storage::readOnlyReason(m_path);
    if (!reason.isEmpty())
        database().close();
    return reason;
}

bool Workspace::connect(const QString &readOnly, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isValid())
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid())
        return sql::fail(
            error, QObject::tr("The Qt SQLite driver is missing (install libqt6sql6-sqlite)."));
    db.close();
    m_readOnlyReason = readOnly;
    sql::markConnection(db, m_path, readOnly);
    // Writers from other processes queue for up to 30 s instead of failing.
    const QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000");
    if (!readOnly.isEmpty())
        return storage::openReadOnly(db, databasePath(), options, error);
    db.setConnectOptions(options);
    db.setDatabaseName(databasePath());
    if (!db.open()) {
        return sql::fail(error, QObject::tr("Could not open %1: %2")
                                    .arg(QDir::toNativeSeparators(databasePath()),
                                         storage::errorText(db.lastError())));
    }
    return true;
}

bool Workspace::checkWritable(QString *error) const
{
    if (m_readOnlyReason.isEmpty())
        return true;
    return sql::fail(error, QObject::tr("The workspace %1 cannot be changed: %2.")
                                .arg(QDir::toNativeSeparators(m_path), m_readOnlyReason));
}

QString Workspace::name() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("SELECT value FROM workspace_info WHERE key = 'name'"))
        && query.next())
        return query.value(0).toString();
    return QFileInfo(m_path).fileName();
}

QString Workspace::databasePath() const
{
    return QDir(m_path).filePath(QLatin1String(databaseFile));
}

QString Workspace::folder(Folder folder) const
{
    return QDir(m_path).filePath(folderName(folder));
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Workspace::schemaVersion() const
{
    return schema::currentVersion(database(), nullptr);
}

WriteTransaction::WriteTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{}

WriteTransaction::~WriteTransaction()
{
    if (m_open)
        sql::exec(m_db, QStringLiteral("ROLLBACK"), nullptr);
}

bool WriteTransaction::begin(QString *error)
{
    Q_ASSERT(!m_open);
    if (!sql::checkWritable(m_db, error))
        return false;
    m_open = sql::exec(m_db, QStringLiteral("BEGIN IMMEDIATE"), error);
    return m_open;
}

bool WriteTransaction::commit(QString *error)
{
    Q_ASSERT(m_open);
    if (!sql::exec(m_db, QStringLiteral("COMMIT"), error))
        return false; // the destructor rolls back
    m_open = false;
    return true;
}

} // namespace mlwb
