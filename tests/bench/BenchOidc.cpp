// The cost of verifying one OIDC ID token (oidc::verifyIdToken) per algorithm. A program that prints figures; it
// asserts nothing.
//
//   bench_oidc [iterations]
//
// Keys and tokens are made in the process with OpenSSL (tests/oidc/JwtTestSupport.h): a 2048-bit RSA key, a P-256
// key and an Ed25519 key, tokens of the size oidc-provider issues (about 20 claims). Baseline, side by side: the bare
// signature check of the same bytes with EVP_DigestVerify and the same key, i.e. the floor that any verifier pays;
// the difference is the base64url decoding, the JSON parsing and the claim checks.
#include "JwtTestSupport.h"
#include "oidc/KeySet.h"
#include "oidc/TokenValidation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

#include <chrono>

using namespace gatehouse;
using namespace gatehouse::oidc;
using Steady = std::chrono::steady_clock;

namespace {

template <typename F> double microsecondsPerCall(int iterations, F&& call)
{
    const auto start = Steady::now();
    for (int i = 0; i < iterations; ++i)
        call();
    return std::chrono::duration<double, std::micro>(Steady::now() - start).count() / iterations;
}

QJsonObject claims(qint64 now)
{
    return QJsonObject{
        {QStringLiteral("iss"), QStringLiteral("https://idp.example")},
        {QStringLiteral("aud"), QStringLiteral("gatehouse")},
        {QStringLiteral("sub"), QStringLiteral("alice")},
        {QStringLiteral("nonce"), QStringLiteral("n0nce-of-forty-three-characters-0123456789a")},
        {QStringLiteral("iat"), double(now)},
        {QStringLiteral("exp"), double(now + 600)},
        {QStringLiteral("auth_time"), double(now)},
        {QStringLiteral("amr"), QJsonArray{QStringLiteral("pwd"), QStringLiteral("otp")}},
        {QStringLiteral("acr"), QStringLiteral("mfa")},
        {QStringLiteral("email"), QStringLiteral("alice@example.test")},
        {QStringLiteral("email_verified"), true},
        {QStringLiteral("name"), QStringLiteral("Alice Admin")},
        {QStringLiteral("preferred_username"), QStringLiteral("alice")},
        {QStringLiteral("groups"), QJsonArray{QStringLiteral("gatehouse-admins"), QStringLiteral("auditors")}},
        {QStringLiteral("org"), QJsonObject{{QStringLiteral("groups"), QJsonArray{QStringLiteral("platform")}}}}};
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 5000;
    QTextStream out(stdout);

    const test::SigningKey rsa(test::SigningKey::Type::Rsa, QStringLiteral("rsa"));
    const test::SigningKey ec(test::SigningKey::Type::EcP256, QStringLiteral("ec"));
    const test::SigningKey ed(test::SigningKey::Type::Ed25519, QStringLiteral("ed"));
    auto keys = KeySet::parse(test::jwks({&rsa, &ec, &ed}));
    if (!keys)
        qFatal("key set: %s", qPrintable(keys.error().message));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    IdTokenExpectations expected;
    expected.issuer = QStringLiteral("https://idp.example");
    expected.clientId = QStringLiteral("gatehouse");
    expected.nonce = "n0nce-of-forty-three-characters-0123456789a";
    expected.nowSeconds = now;

    out << "iterations per algorithm: " << iterations << "\n";
    out << "alg    token bytes  verifyIdToken (us)  bare EVP_DigestVerify (us)  ratio\n";
    for (const auto& [alg, key] : {std::pair{QStringLiteral("RS256"), &rsa}, std::pair{QStringLiteral("PS256"), &rsa},
                                   std::pair{QStringLiteral("ES256"), &ec}, std::pair{QStringLiteral("EdDSA"), &ed}}) {
        const QJsonObject header{{QStringLiteral("alg"), alg}, {QStringLiteral("kid"), key->kid()}};
        const QByteArray jwt = test::signedJwt(*key, header, claims(now));
        if (!verifyIdToken(jwt, keys.value(), expected))
            qFatal("the %s token does not verify", qPrintable(alg));

        const double full = microsecondsPerCall(iterations, [&] {
            if (!verifyIdToken(jwt, keys.value(), expected))
                qFatal("verification failed");
        });

        // The baseline: only the signature, with the DER form (ES256) and PSS parameters prepared outside the loop.
        const qsizetype dot = jwt.lastIndexOf('.');
        const QByteArray input = jwt.first(dot);
        QByteArray signature = *base64UrlDecode(jwt.sliced(dot + 1));
        if (alg == QLatin1String("ES256")) {
            ECDSA_SIG* sig = ECDSA_SIG_new();
            const auto* bytes = reinterpret_cast<const unsigned char*>(signature.constData());
            ECDSA_SIG_set0(sig, BN_bin2bn(bytes, 32, nullptr), BN_bin2bn(bytes + 32, 32, nullptr));
            unsigned char* der = nullptr;
            const int length = i2d_ECDSA_SIG(sig, &der);
            signature = QByteArray(reinterpret_cast<const char*>(der), length);
            OPENSSL_free(der);
            ECDSA_SIG_free(sig);
        }
        EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
        const bool eddsa = alg == QLatin1String("EdDSA");
        const double bare = microsecondsPerCall(iterations, [&] {
            EVP_MD_CTX* ctx = EVP_MD_CTX_new();
            EVP_PKEY_CTX* pctx = nullptr;
            EVP_DigestVerifyInit(ctx, &pctx, eddsa ? nullptr : sha256, nullptr, key->key());
            if (alg == QLatin1String("PS256")) {
                EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
                EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
            }
            if (EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.constData()),
                                 size_t(signature.size()), reinterpret_cast<const unsigned char*>(input.constData()),
                                 size_t(input.size())) != 1)
                qFatal("bare verification failed");
            EVP_MD_CTX_free(ctx);
        });
        EVP_MD_free(sha256);
        out << qSetFieldWidth(5) << Qt::left << alg << qSetFieldWidth(0) << "  " << qSetFieldWidth(11) << jwt.size()
            << qSetFieldWidth(0) << "  " << qSetFieldWidth(18) << QString::number(full, 'f', 1) << qSetFieldWidth(0)
            << "  " << qSetFieldWidth(26) << QString::number(bare, 'f', 1) << qSetFieldWidth(0) << "  "
            << QString::number(full / bare, 'f', 2) << "x\n";
        out.flush();
    }
    return 0;
}
