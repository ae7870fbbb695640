// `mlwb image push` and `mlwb image pull`: images to and from OCI registries.
#include "commandcontext.h"
#include "oci/imagepull.h"
#include "oci/imagepush.h"
#include "store/images.h"
#include "store/workspace.h"

#include <QFile>
#include <QJsonObject>

namespace mlwb {

namespace {

// --username USER with --password-stdin, as docker login takes them: a
// password never goes on the command line, where ps and the shell's
// history would keep it.
bool credentialsOf(CommandContext &context, oci::RegistryCredentials *out, QString *error)
{
    const QString user = context.value(QStringLiteral("username"));
    const bool fromStdin = context.isSet(QStringLiteral("password-stdin"));
    if (user.isEmpty() && !fromStdin)
        return true;
    if (user.isEmpty() || !fromStdin) {
        *error = Cli::tr("--username and --password-stdin go together: the password is read "
                         "from standard input, never taken on the command line.");
        return false;
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        *error = Cli::tr("Cannot read the password from standard input.");
        return false;
    }
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        *error = Cli::tr("--password-stdin: standard input held no password.");
        return false;
    }
    *out = {user, QString::fromUtf8(line), QStringLiteral("--username %1").arg(user)};
    return true;
}

// --tls-verify=true|false, as podman and skopeo spell it.
bool tlsVerifyOf(CommandContext &context, bool *ok)
{
    const QString value = context.value(QStringLiteral("tls-verify"));
    *ok = value.isEmpty() || value == QLatin1String("true") || value == QLatin1String("false");
    return value != QLatin1String("false");
}

int push(CommandContext &context)
{
    bool ok = true;
    PushRequest request;
    request.image = context.argument(0);
    request.destination = context.argument(1);
    request.tlsVerify = tlsVerifyOf(context, &ok);
    if (!ok)
        return context.fail(Cli::tr("--tls-verify takes true or false."));
    QString error;
    if (!credentialsOf(context, &request.credentials, &error))
        return context.fail(error);
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    PushResult result;
    if (!pushImage(
            *ws, request, {}, [&context](const QString &line) { context.note(line); }, &result,
            &error))
        return context.fail(error);
    context.output().message(
        Cli::tr("Pushed %1 to %2: %3 blobs sent (%4 bytes), %5 already there; manifest %6")
            .arg(request.image, request.destination)
            .arg(result.blobsSent)
            .arg(result.bytesSent)
            .arg(result.blobsSkipped)
            .arg(result.manifestDigest),
        {{QStringLiteral("image"), request.image},
         {QStringLiteral("destination"), request.destination},
         {QStringLiteral("blobs_sent"), result.blobsSent},
         {QStringLiteral("blobs_skipped"), result.blobsSkipped},
         {QStringLiteral("bytes_sent"), result.bytesSent},
         {QStringLiteral("manifest_digest"), result.manifestDigest}});
    return ExitSuccess;
}

int pull(CommandContext &context)
{
    bool ok = true;
    const QString reference = context.argument(0);
    const bool tlsVerify = tlsVerifyOf(context, &ok);
    if (!ok)
        return context.fail(Cli::tr("--tls-verify takes true or false."));
    QString error;
    oci::RegistryCredentials credentials;
    if (!credentialsOf(context, &credentials, &error))
        return context.fail(error);
    const auto ws = context.openWorkspace();
    if (!ws)
        return ExitFailure;
    PullResult result;
    if (!pullImage(
            *ws, reference, tlsVerify, {}, [&context](const QString &line) { context.note(line); },
            &result, &error, credentials))
        return context.fail(error);
    context.output().message(
        Cli::tr("Pulled %1 (%2): %3 blobs fetched (%4 bytes), %5 reused; build on it with "
                "--base %1")
            .arg(reference, result.manifestDigest)
            .arg(result.blobsFetched)
            .arg(result.bytesFetched)
            .arg(result.blobsReused),
        {{QStringLiteral("reference"), reference},
         {QStringLiteral("manifest_digest"), result.manifestDigest},
         {QStringLiteral("layout"), result.layout},
         {QStringLiteral("blobs_fetched"), result.blobsFetched},
         {QStringLiteral("blobs_reused"), result.blobsReused},
         {QStringLiteral("bytes_fetched"), result.bytesFetched}});
    return ExitSuccess;
}

} // namespace

void registerImageRegistryCommands(CommandRegistry &registry)
{
    const QString noun = QStringLiteral("image");
    const OptionSpec tls{QStringLiteral("tls-verify"), QStringLiteral("true|false"),
                         Cli::tr("false accepts self-signed certificates and plain http "
                                 "(127.0.0.1 and localhost always use plain http)."),
                         QChar()};
    const OptionSpec user{QStringLiteral("username"), QStringLiteral("USER"),
                          Cli::tr("Log in as USER instead of using the login files; the "
                                  "password comes with --password-stdin."),
                          QChar()};
    const OptionSpec password{QStringLiteral("password-stdin"), QString(),
                              Cli::tr("Read the password for --username from standard input."),
                              QChar()};
    registry.addVerb(
        noun, {QStringLiteral("push"),
               Cli::tr("Push an image to an OCI registry; blobs already there are not sent."),
               {{QStringLiteral("NAME:VERSION"), Cli::tr("One image version.")},
                {QStringLiteral("REGISTRY/REPO:TAG"), Cli::tr("Where to push it.")}},
               {tls, user, password},
               push});
    registry.addVerb(
        noun, {QStringLiteral("pull"),
               Cli::tr("Pull an image from an OCI registry into the workspace's base cache, so "
                       "builds can use it offline with --base REGISTRY/REPO:TAG."),
               {{QStringLiteral("REGISTRY/REPO:TAG"), Cli::tr("The image to pull.")}},
               {tls, user, password},
               pull});
}

} // namespace mlwb
