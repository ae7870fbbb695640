#include "completer.h"

#include "store/defaultworkspace.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

#include <memory>

namespace mlwb {

namespace {

struct Kind {
    ValueKind kind;
    const char *word;
    const char *sql; // ?1 is the prefix
};

// LIKE ignores ASCII case; the prefix's own % and _ are escaped.
const Kind kinds[] = {
    {ValueKind::Run, "runs",
     "SELECT uid, display_name FROM runs WHERE uid LIKE ?1 ESCAPE '\\' "
     "OR display_name LIKE ?1 ESCAPE '\\' ORDER BY created_at DESC, id DESC"},
    {ValueKind::Experiment, "experiments",
     "SELECT name, '' FROM experiments WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name"},
    {ValueKind::ComputeTarget, "targets",
     "SELECT name, '' FROM compute_targets WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name"},
    {ValueKind::Datastore, "datastores",
     "SELECT name, '' FROM datastores WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name"},
    {ValueKind::ModelVersion, "models",
     "SELECT m.name || ':' || v.version, '' FROM model_versions v JOIN models m "
     "ON m.id = v.model_id WHERE m.name || ':' || v.version LIKE ?1 ESCAPE '\\' "
     "ORDER BY m.name, v.version"},
};

struct CloseDatabase {
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
};
struct Finalize {
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

QString likePattern(QString prefix)
{
    prefix.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return prefix + QLatin1Char('%');
}

// A value or label as one field of one line: no tab or newline inside.
void appendField(QByteArray *lines, sqlite3_stmt *statement, int index)
{
    const qsizetype start = lines->size();
    lines->append(reinterpret_cast<const char *>(sqlite3_column_text(statement, index)),
                  sqlite3_column_bytes(statement, index));
    for (qsizetype i = start; i < lines->size(); ++i)
        if ((*lines)[i] == '\t' || (*lines)[i] == '\n')
            (*lines)[i] = ' ';
}

} // namespace

Completer::Completer(const QString &workspacePath)
    : m_databasePath(QDir(workspacePath).filePath(QStringLiteral("workspace.db")))
{}

ValueKind Completer::kindNamed(const QString &word)
{
    for (const Kind &k : kinds)
        if (word == QLatin1String(k.word))
            return k.kind;
    return ValueKind::Unknown;
}

QString Completer::kindName(ValueKind kind)
{
    for (const Kind &k : kinds)
        if (k.kind == kind)
            return QLatin1String(k.word);
    return QString();
}

bool Completer::complete(ValueKind kind, const QString &prefix, QByteArray *lines,
                         QString *error) const
{
    const Kind *found = nullptr;
    for (const Kind &k : kinds)
        if (k.kind == kind)
            found = &k;
    if (!found || !QFileInfo::exists(m_databasePath))
        return true; // nothing to offer is not an error while typing
    sqlite3 *raw = nullptr;
    const int opened = sqlite3_open_v2(QFile::encodeName(m_databasePath).constData(), &raw,
                                       SQLITE_OPEN_READONLY, nullptr);
    std::unique_ptr<sqlite3, CloseDatabase> db(raw);
    sqlite3_stmt *rawStatement = nullptr;
    if (opened != SQLITE_OK || sqlite3_busy_timeout(db.get(), 50) != SQLITE_OK
        || sqlite3_prepare_v2(db.get(), found->sql, -1, &rawStatement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db.get()));
        return false;
    }
    std::unique_ptr<sqlite3_stmt, Finalize> statement(rawStatement);
    const QByteArray pattern = likePattern(prefix).toUtf8();
    sqlite3_bind_text(statement.get(), 1, pattern.constData(), int(pattern.size()),
                      SQLITE_TRANSIENT);
    int step;
    while ((step = sqlite3_step(statement.get())) == SQLITE_ROW) {
        appendField(lines, statement.get(), 0);
        if (sqlite3_column_bytes(statement.get(), 1) > 0) {
            lines->append('\t');
            appendField(lines, statement.get(), 1);
        }
        lines->append('\n');
    }
    if (step != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(db.get()));
        return false;
    }
    return true;
}

int Completer::run(QStringList arguments, QTextStream &out, QTextStream &err)
{
    QString workspace;
    const qsizetype option = arguments.indexOf(QStringLiteral("--workspace"));
    if (option >= 0 && option + 1 < arguments.size()) {
        workspace = arguments.at(option + 1);
        arguments.remove(option, 2);
    }
    const ValueKind kind = Completer::kindNamed(arguments.value(0));
    if (kind == ValueKind::Unknown || arguments.size() > 2) {
        err << QStringLiteral("mlwb: ")
            << Cli::tr("usage: mlwb __complete runs|experiments|targets|datastores|models "
                       "[PREFIX] [--workspace DIR]")
            << Qt::endl;
        return ExitUsage;
    }
    QByteArray lines;
    QString error;
    const Completer completer(defaults::resolveWorkspacePath(workspace));
    if (!completer.complete(kind, arguments.value(1), &lines, &error)) {
        err << QStringLiteral("mlwb: ") << error << Qt::endl;
        return ExitFailure;
    }
    out << QString::fromUtf8(lines) << Qt::flush;
    return ExitSuccess;
}

int runCompletion(int argc, char *argv[], int first)
{
    QStringList arguments;
    for (int i = first; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QTextStream out(stdout);
    QTextStream err(stderr);
    return Completer::run(arguments, out, err);
}

} // namespace mlwb
