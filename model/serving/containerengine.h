#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace mlwb {

/// A container engine that was seen to run a container on this computer:
/// podman as it is, podman with runc and a containers.conf without default
/// ulimits (what rootless podman needs where setting rlimits is refused),
/// or docker. Kept in a deployment's config so its supervisor runs the
/// same command line.
struct ContainerEngine {
    Q_DECLARE_TR_FUNCTIONS(ContainerEngine)
public:
    QString program;        // empty: none works
    QStringList globalArgs; // e.g. --runtime /usr/sbin/runc
    QString containersConf; // CONTAINERS_CONF, when one was needed
    QString reason;         // for the user: why this engine, or why none

    bool isValid() const { return !program.isEmpty(); }
    bool isDocker() const { return program.endsWith(QLatin1String("docker")); }
    QStringList arguments(const QStringList &args) const { return globalArgs + args; }
    QProcessEnvironment environment() const;
    /// Runs `engine args`; exit code (-1: did not run or timed out), output in *out.
    int run(const QStringList &args, QString *out, int timeoutMs = 300000) const;

    QJsonObject toJson() const;
    static ContainerEngine fromJson(const QJsonObject &o);

    /// Loads `archive` (an OCI archive for podman, a docker-archive for
    /// docker: `archiveFor` writes the one asked for) and runs `python3 -c
    /// pass` in `tag`, with each way of running in turn; the first that
    /// runs it wins. `confDir` is where a containers.conf is written when
    /// one is needed. No engine that works: !isValid(), the reason says
    /// what each one answered.
    static ContainerEngine
    detect(const std::function<bool(bool docker, QString *archive, QString *error)> &archiveFor,
           const QString &tag, const QString &confDir);
};

} // namespace mlwb
