// `mlwb environment ...`: software environments runs, models and images use.
#include "commandcontext.h"
#include "registry/environmentspec.h"
#include "runs/environmentcapture.h"
#include "store/environments.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>

namespace mlwb {

namespace {

QJsonObject toJson(const Environment &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("name"), e.name},
            {QStringLiteral("latest_version"), e.latestVersion},
            {QStringLiteral("created_at"), CliOutput::time(e.createdAt)}};
}

QJsonObject toJson(const EnvironmentVersion &v)
{
    return {{QStringLiteral("name"), v.environmentName},
            {QStringLiteral("version"), v.version},
            {QStringLiteral("ref"),
             QString(v.environmentName + QLatin1Char(':') + QString::number(v.version))},
            {QStringLiteral("python"), v.python},
            {QStringLiteral("kind"), CliOutput::text(v.specKind)},
            {QStringLiteral("packages"), QJsonArray::fromStringList(v.packages)},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(v.aliases)},
            {QStringLiteral("spec_sha256"), CliOutput::text(v.specSha256)},
            {QStringLiteral("spec"), CliOutput::text(v.spec)},
            {QStringLiteral("created_by"), CliOutput::text(v.createdBy)},
            {QStringLiteral("created_at"), CliOutput::time(v.createdAt)}};
}

QList<Column> versionFields()
{
    return {{QStringLiteral("ref"), Cli::tr("version")},
            {QStringLiteral("python"), Cli::tr("python")},
            {QStringLiteral("kind"), Cli::tr("kind")},
            {QStringLiteral("aliases"), Cli::tr("aliases")},
            {QStringLiteral("created_by"), Cli::tr("created by")},
            {QStringLiteral("created_at"), Cli::tr("created at")},
            {QStringLiteral("spec_sha256"), Cli::tr("spec sha256")},
            {QStringLiteral("spec"), Cli::tr("spec")}};
}

int list(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    QString error;
    const QList<Environment> environments = Environments(*ws).list(&error);
    if (!error.isEmpty())
        return context.fail(error);
    QJsonArray rows;
    for (const Environment &e : environments)
        rows.append(toJson(e));
    context.output().list({{QStringLiteral("name"), Cli::tr("name")},
                           {QStringLiteral("latest_version"), Cli::tr("latest version")},
                           {QStringLiteral("created_at"), Cli::tr("created at")}},
                          rows);
    return ExitSuccess;
}

int create(CommandContext &context)
{
    const QString name = context.argument(0);
    const QString file = context.value(QStringLiteral("file"));
    if (file.isEmpty())
        return context.fail(
            Cli::tr("Say what the environment is made from: --file conda.yml or --file "
                    "requirements.txt."));
    if (name.compare(environmentcapture::anonymousName(), Qt::CaseInsensitive) == 0)
        return context.fail(Cli::tr("'%1' is kept for the environments runs record at their "
                                    "start; choose another name.")
                                .arg(name));
    QFile in(QDir::current().absoluteFilePath(file));
    if (!in.open(QIODevice::ReadOnly))
        return context.fail(
            Cli::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(file), in.errorString()));
    environmentspec::Spec spec;
    QString error;
    if (!environmentspec::parse(environmentspec::kindForFile(file), in.readAll(),
                                context.value(QStringLiteral("python")), &spec, &error))
        return context.fail(QDir::toNativeSeparators(file) + QStringLiteral(": ") + error);
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    EnvironmentVersion v;
    v.python = spec.python;
    v.packages = spec.packages;
    v.spec = spec.text;
    v.specKind = spec.kind;
    v.specSha256 = spec.sha256;
    bool existed = false;
    if (!Environments(*ws).createVersion(name, &v, &existed, &error))
        return context.fail(error);
    QJsonObject record = toJson(v);
    record.insert(QStringLiteral("created"), !existed);
    const QString ref = v.environmentName + QLatin1Char(':') + QString::number(v.version);
    context.output().message(
        existed ? Cli::tr("%1 already has this spec; no new version was made.").arg(ref) : ref,
        record);
    return ExitSuccess;
}

int show(CommandContext &context)
{
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    AssetRef ref;
    QString error;
    std::optional<EnvironmentVersion> v;
    if (AssetRef::parse(context.argument(0), &ref, &error))
        v = Environments(*ws).find(ref, &error);
    if (!v)
        return context.fail(error);
    context.output().show(versionFields()
                              + QList<Column>{{QStringLiteral("packages"), Cli::tr("packages")}},
                          toJson(*v));
    return ExitSuccess;
}

} // namespace

void registerEnvironmentCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("environment");
    registry.addNoun(noun, Cli::tr("Software environments: interpreter, packages, base image."));
    registry.addVerb(noun, {QStringLiteral("list"),
                            Cli::tr("List the environments with their latest version."),
                            {},
                            {},
                            list});
    registry.addVerb(
        noun, {QStringLiteral("create"),
               Cli::tr("Make the next version of an environment from a conda YAML or a pip "
                       "requirements.txt; an identical spec returns the version that has it."),
               {{QStringLiteral("NAME"), Cli::tr("The environment's name.")}},
               {{QStringLiteral("file"), QStringLiteral("FILE"),
                 Cli::tr("conda.yml (.yml, .yaml) or requirements.txt."), QChar()},
                {QStringLiteral("python"), QStringLiteral("VERSION"),
                 Cli::tr("The Python version, e.g. 3.11 (a conda file may name it)."), QChar()}},
               create});
    registry.addVerb(noun, {QStringLiteral("show"),
                            Cli::tr("Show an environment version with its spec."),
                            {{QStringLiteral("NAME[:VERSION|@ALIAS]"),
                              Cli::tr("An environment: its latest version, a number or an "
                                      "alias.")}},
                            {},
                            show});
}

} // namespace mlwb
