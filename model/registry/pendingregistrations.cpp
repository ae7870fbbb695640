#include "registry/pendingregistrations.h"

#include "registry/modelregistry.h"
#include "runs/runfolder.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

namespace mlwb::pendingregistrations {

namespace {

// The helper's request: {"name", "path", "arguments": [--tag, K=V, ...]}.
RegisterRequest requestFrom(const QJsonObject &o, const QString &runUid)
{
    RegisterRequest request;
    request.name = o.value(QStringLiteral("name")).toString();
    request.path = o.value(QStringLiteral("path")).toString();
    request.run = runUid;
    const QJsonArray arguments = o.value(QStringLiteral("arguments")).toArray();
    for (int i = 0; i + 1 < arguments.size(); i += 2) {
        const QString option = arguments.at(i).toString();
        const QString value = arguments.at(i + 1).toString();
        const QString key = value.section(QLatin1Char('='), 0, 0);
        const QString rest = value.section(QLatin1Char('='), 1);
        if (option == QLatin1String("--tag"))
            request.tags.insert(key, rest);
        else if (option == QLatin1String("--property"))
            request.properties.insert(key, rest);
        else if (option == QLatin1String("--description"))
            request.description = value;
        else if (option == QLatin1String("--framework"))
            request.framework = value;
    }
    return request;
}

} // namespace

int registerAll(const Workspace &workspace, const Run &run, const QString &runFolder)
{
    const RunFolder folder(runFolder, run.uid);
    const QString requests = folder.outputs() + QStringLiteral("/.mlwb/registrations.jsonl");
    QFile file(requests);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    QFile log(folder.log());
    log.open(QIODevice::Append);
    ModelRegistry registry(workspace);
    int made = 0;
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const RegisterRequest request =
            requestFrom(QJsonDocument::fromJson(line).object(), run.uid);
        ModelVersion v;
        QString error;
        if (registry.registerModel(request, &v, &error)) {
            ++made;
            log.write(QObject::tr("mlwb: registered %1 as model %2:%3\n")
                          .arg(request.path, v.modelName)
                          .arg(v.version)
                          .toUtf8());
        } else {
            log.write(QObject::tr("mlwb: could not register %1 as model %2: %3\n")
                          .arg(request.path, request.name, error)
                          .toUtf8());
        }
    }
    QDir(folder.outputs() + QStringLiteral("/.mlwb")).removeRecursively();
    return made;
}

} // namespace mlwb::pendingregistrations
