#include "JwtTestSupport.h"
#include "oidc/AuthorizationRequest.h"
#include "oidc/Base64Url.h"
#include "oidc/KeySet.h"
#include "oidc/ProviderMetadata.h"
#include "oidc/TokenValidation.h"

#include <QCryptographicHash>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oidc;
using test::SigningKey;

namespace {

const QString issuer = QStringLiteral("https://idp.example");
const QString clientId = QStringLiteral("gatehouse-client");
const QByteArray nonce = "nonce-of-this-sign-in";
const QByteArray accessToken = "access-token-value";
const QByteArray code = "authorization-code-value";
constexpr qint64 now = 1'800'000'000;

// at_hash / c_hash computed independently of the code under test (Qt's hash, not OpenSSL's EVP).
QString halfHash(const QString& alg, const QByteArray& value)
{
    const QByteArray digest = QCryptographicHash::hash(
        value, alg == QLatin1String("EdDSA") ? QCryptographicHash::Sha512 : QCryptographicHash::Sha256);
    return QString::fromLatin1(base64UrlEncode(digest.left(digest.size() / 2)));
}

QJsonObject goodClaims()
{
    return QJsonObject{{QStringLiteral("iss"), issuer},
                       {QStringLiteral("aud"), clientId},
                       {QStringLiteral("sub"), QStringLiteral("user-42")},
                       {QStringLiteral("nonce"), QString::fromLatin1(nonce)},
                       {QStringLiteral("iat"), double(now - 5)},
                       {QStringLiteral("exp"), double(now + 300)},
                       {QStringLiteral("amr"), QJsonArray{QStringLiteral("pwd"), QStringLiteral("otp")}},
                       {QStringLiteral("acr"), QStringLiteral("urn:mace:incommon:iap:silver")}};
}

QJsonObject header(const QString& alg, const QString& kid)
{
    QJsonObject h{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (!kid.isNull())
        h.insert(QStringLiteral("kid"), kid);
    return h;
}

IdTokenExpectations expectations()
{
    IdTokenExpectations expected;
    expected.issuer = issuer;
    expected.clientId = clientId;
    expected.nonce = nonce;
    expected.nowSeconds = now;
    expected.accessToken = accessToken;
    expected.code = code;
    return expected;
}

// The claims with one member replaced (or removed when `value` is undefined).
QJsonObject with(QJsonObject claims, const QString& name, const QJsonValue& value)
{
    if (value.isUndefined())
        claims.remove(name);
    else
        claims.insert(name, value);
    return claims;
}

QByteArray flipSignatureByte(const QByteArray& jwt)
{
    const qsizetype dot = jwt.lastIndexOf('.');
    QByteArray signature = *base64UrlDecode(jwt.sliced(dot + 1));
    signature[signature.size() / 2] = char(signature[signature.size() / 2] ^ 0x01);
    return jwt.first(dot + 1) + base64UrlEncode(signature);
}

} // namespace

class TestTokenValidation : public QObject
{
    Q_OBJECT
public:
    TestTokenValidation()
        : m_rsa(SigningKey::Type::Rsa, QStringLiteral("rsa-1")), m_ec(SigningKey::Type::EcP256, QStringLiteral("ec-1")),
          m_ed(SigningKey::Type::Ed25519, QStringLiteral("ed-1"))
    {}

private slots:
    void initTestCase();
    void base64UrlIsStrict_data();
    void base64UrlIsStrict();
    void acceptsGoodTokens_data();
    void acceptsGoodTokens();
    void refusesEachAttack_data();
    void refusesEachAttack();
    void refusalDetailNamesNoSecret();
    void singleKeyWithoutKid();
    void keySetSkipsWhatIsNotASigningKey();
    void keySetRefusesMalformedKeys_data();
    void keySetRefusesMalformedKeys();
    void keyAlgNarrowsTheKey();
    void accessTokenChecksAudienceAndType();
    void discoveryIsChecked_data();
    void discoveryIsChecked();
    void pkceAndAuthorizationRequest();
    void claimPaths();
    void peekHeaderReadsKid();

private:
    QByteArray token(const SigningKey& key, const QString& alg, const QJsonObject& claims) const
    {
        return test::signedJwt(key, header(alg, key.kid()), claims);
    }

    SigningKey m_rsa;
    SigningKey m_ec;
    SigningKey m_ed;
    KeySet m_keys;
};

void TestTokenValidation::initTestCase()
{
    auto keys = KeySet::parse(test::jwks({&m_rsa, &m_ec, &m_ed}));
    QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().message));
    m_keys = keys.value();
    QCOMPARE(m_keys.size(), 3);
}

void TestTokenValidation::base64UrlIsStrict_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("one byte") << QByteArray("_w") << true << QByteArray("\xff");
    QTest::newRow("two bytes") << QByteArray("-_8") << true << QByteArray("\xfb\xff");
    QTest::newRow("three bytes") << QByteArray("AAEC") << true << QByteArray("\x00\x01\x02", 3);
    QTest::newRow("padding") << QByteArray("_w==") << false << QByteArray();
    QTest::newRow("standard alphabet +") << QByteArray("+w") << false << QByteArray();
    QTest::newRow("standard alphabet /") << QByteArray("/w") << false << QByteArray();
    QTest::newRow("whitespace") << QByteArray("AA EC") << false << QByteArray();
    QTest::newRow("impossible length") << QByteArray("AAECA") << false << QByteArray();
    QTest::newRow("non-zero trailing bits") << QByteArray("_x") << false << QByteArray();
}

void TestTokenValidation::base64UrlIsStrict()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QByteArray, bytes);
    const auto decoded = base64UrlDecode(text);
    QCOMPARE(decoded.has_value(), valid);
    if (valid) {
        QCOMPARE(*decoded, bytes);
        QCOMPARE(base64UrlEncode(bytes), text);
    }
}

void TestTokenValidation::acceptsGoodTokens_data()
{
    QTest::addColumn<QByteArray>("jwt");
    QTest::addColumn<QString>("kid");
    for (const auto& [alg, key] :
         {std::pair{QStringLiteral("RS256"), &m_rsa}, std::pair{QStringLiteral("PS256"), &m_rsa},
          std::pair{QStringLiteral("ES256"), &m_ec}, std::pair{QStringLiteral("EdDSA"), &m_ed}}) {
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("at_hash"), halfHash(alg, accessToken));
        claims.insert(QStringLiteral("c_hash"), halfHash(alg, code));
        QTest::addRow("%s", qPrintable(alg)) << token(*key, alg, claims) << key->kid();
    }
    {
        // "Ed25519", the fully specified name of EdDSA over Ed25519 (RFC 9864), hashes at_hash with SHA-512 too.
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("at_hash"), halfHash(QStringLiteral("EdDSA"), accessToken));
        QTest::newRow("Ed25519 (fully specified)") << token(m_ed, QStringLiteral("Ed25519"), claims) << m_ed.kid();
    }
    // The bounds of the clock skew (60 s), on the accepting side.
    QTest::newRow("expired 59 s ago") << token(m_rsa, QStringLiteral("RS256"),
                                               with(goodClaims(), QStringLiteral("exp"), double(now - 59)))
                                      << m_rsa.kid();
    QTest::newRow("not before 60 s from now")
        << token(m_rsa, QStringLiteral("RS256"), with(goodClaims(), QStringLiteral("nbf"), double(now + 60)))
        << m_rsa.kid();
    QTest::newRow("issued 60 s from now")
        << token(m_rsa, QStringLiteral("RS256"), with(goodClaims(), QStringLiteral("iat"), double(now + 60)))
        << m_rsa.kid();
    QJsonObject several = with(goodClaims(), QStringLiteral("aud"), QJsonArray{clientId, QStringLiteral("api")});
    several.insert(QStringLiteral("azp"), clientId);
    QTest::newRow("several audiences with azp") << token(m_ec, QStringLiteral("ES256"), several) << m_ec.kid();
}

void TestTokenValidation::acceptsGoodTokens()
{
    QFETCH(QByteArray, jwt);
    QFETCH(QString, kid);
    TokenRefusal refusal;
    auto verified = verifyIdToken(jwt, m_keys, expectations(), &refusal);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified.value().subject, QStringLiteral("user-42"));
    QCOMPARE(verified.value().issuer, issuer);
    QVERIFY(verified.value().audiences.contains(clientId));
    QCOMPARE(verified.value().amr, (QStringList{QStringLiteral("pwd"), QStringLiteral("otp")}));
    QCOMPARE(verified.value().acr, QStringLiteral("urn:mace:incommon:iap:silver"));
    QCOMPARE(verified.value().keyId, kid);
    QCOMPARE(verified.value().claims.value(QStringLiteral("sub")).toString(), QStringLiteral("user-42"));
}

void TestTokenValidation::refusesEachAttack_data()
{
    QTest::addColumn<QByteArray>("jwt");
    QTest::addColumn<QByteArray>("expectedNonce");
    QTest::addColumn<int>("check");
    const QString rs = QStringLiteral("RS256");
    const QJsonObject good = goodClaims();
    const auto row = [&](const char* name, const QByteArray& jwt, TokenCheck check,
                         const QByteArray& expected = nonce) {
        QTest::newRow(name) << jwt << expected << int(check);
    };

    row("wrong issuer", token(m_rsa, rs, with(good, QStringLiteral("iss"), QStringLiteral("https://evil.example"))),
        TokenCheck::Issuer);
    row("issuer with a trailing slash", token(m_rsa, rs, with(good, QStringLiteral("iss"), issuer + u'/')),
        TokenCheck::Issuer);
    row("no issuer", token(m_rsa, rs, with(good, QStringLiteral("iss"), QJsonValue::Undefined)), TokenCheck::Issuer);
    row("wrong audience", token(m_rsa, rs, with(good, QStringLiteral("aud"), QStringLiteral("other-client"))),
        TokenCheck::Audience);
    row("audiences without the client",
        token(m_rsa, rs, with(good, QStringLiteral("aud"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")})),
        TokenCheck::Audience);
    row("several audiences, no azp",
        token(m_rsa, rs, with(good, QStringLiteral("aud"), QJsonArray{clientId, QStringLiteral("api")})),
        TokenCheck::AuthorizedParty);
    row("azp of another client", token(m_rsa, rs, with(good, QStringLiteral("azp"), QStringLiteral("other-client"))),
        TokenCheck::AuthorizedParty);
    row("expired", token(m_rsa, rs, with(good, QStringLiteral("exp"), double(now - 61))), TokenCheck::Expiry);
    row("expired at the skew bound", token(m_rsa, rs, with(good, QStringLiteral("exp"), double(now - 60))),
        TokenCheck::Expiry);
    row("no expiry", token(m_rsa, rs, with(good, QStringLiteral("exp"), QJsonValue::Undefined)), TokenCheck::Expiry);
    row("expiry as a string", token(m_rsa, rs, with(good, QStringLiteral("exp"), QStringLiteral("1900000000"))),
        TokenCheck::Expiry);
    row("not before, in the future", token(m_rsa, rs, with(good, QStringLiteral("nbf"), double(now + 61))),
        TokenCheck::NotBefore);
    row("issued in the future", token(m_rsa, rs, with(good, QStringLiteral("iat"), double(now + 61))),
        TokenCheck::IssuedAt);
    row("no issue time", token(m_rsa, rs, with(good, QStringLiteral("iat"), QJsonValue::Undefined)),
        TokenCheck::IssuedAt);
    row("bad signature (one byte changed)", flipSignatureByte(token(m_rsa, rs, good)), TokenCheck::Signature);
    row("bad ES256 signature", flipSignatureByte(token(m_ec, QStringLiteral("ES256"), good)), TokenCheck::Signature);
    row("bad EdDSA signature", flipSignatureByte(token(m_ed, QStringLiteral("EdDSA"), good)), TokenCheck::Signature);
    {
        // Claims swapped after signing: the signature of the original claims with other claims.
        const QByteArray original = token(m_rsa, rs, good);
        const QList<QByteArray> parts = original.split('.');
        const QByteArray forged = parts[0] + '.' +
                                  test::jsonPart(with(good, QStringLiteral("sub"), QStringLiteral("admin"))) + '.' +
                                  parts[2];
        row("claims changed after signing", forged, TokenCheck::Signature);
    }
    {
        // PS256 and RS256 are not interchangeable: the padding is part of the algorithm.
        const QByteArray input =
            test::jsonPart(header(QStringLiteral("PS256"), m_rsa.kid())) + '.' + test::jsonPart(good);
        row("PS256 header, PKCS#1 v1.5 signature",
            input + '.' + base64UrlEncode(m_rsa.sign(QStringLiteral("RS256"), input)), TokenCheck::Signature);
        const QByteArray rsInput = test::jsonPart(header(rs, m_rsa.kid())) + '.' + test::jsonPart(good);
        row("RS256 header, PSS signature",
            rsInput + '.' + base64UrlEncode(m_rsa.sign(QStringLiteral("PS256"), rsInput)), TokenCheck::Signature);
    }
    row("alg none, no signature",
        test::jsonPart(header(QStringLiteral("none"), m_rsa.kid())) + '.' + test::jsonPart(good) + '.',
        TokenCheck::Algorithm);
    row("alg none, with a signature",
        test::jsonPart(header(QStringLiteral("none"), m_rsa.kid())) + '.' + test::jsonPart(good) + '.' +
            token(m_rsa, rs, good).split('.')[2],
        TokenCheck::Algorithm);
    row("no alg", test::signedJwt(m_rsa, QJsonObject{{QStringLiteral("kid"), m_rsa.kid()}}, good),
        TokenCheck::Algorithm);
    row("HS256 signed with the RSA public key",
        test::hs256Jwt(m_rsa.publicPem(), header(QStringLiteral("HS256"), m_rsa.kid()), good), TokenCheck::Algorithm);
    row("RS256 header with the EC key", token(m_ec, rs, good), TokenCheck::KeyType);
    row("ES256 header with the RSA key", token(m_rsa, QStringLiteral("ES256"), good), TokenCheck::KeyType);
    row("EdDSA header with the RSA key", token(m_rsa, QStringLiteral("EdDSA"), good), TokenCheck::KeyType);
    row("Ed25519 header with the EC key", token(m_ec, QStringLiteral("Ed25519"), good), TokenCheck::KeyType);
    row("unknown kid", test::signedJwt(m_rsa, header(rs, QStringLiteral("rsa-unknown")), good), TokenCheck::UnknownKey);
    row("no kid among several keys", test::signedJwt(m_rsa, header(rs, QString()), good), TokenCheck::UnknownKey);
    row("replayed nonce (another sign-in's)",
        token(m_rsa, rs, with(good, QStringLiteral("nonce"), QStringLiteral("nonce-of-an-earlier-sign-in"))),
        TokenCheck::Nonce);
    row("no nonce in the token", token(m_rsa, rs, with(good, QStringLiteral("nonce"), QJsonValue::Undefined)),
        TokenCheck::Nonce);
    row("no nonce expected", token(m_rsa, rs, good), TokenCheck::Nonce, QByteArray());
    row("empty nonce, none expected", token(m_rsa, rs, with(good, QStringLiteral("nonce"), QString())),
        TokenCheck::Nonce, QByteArray());
    row("no subject", token(m_rsa, rs, with(good, QStringLiteral("sub"), QJsonValue::Undefined)), TokenCheck::Subject);
    row("bad at_hash", token(m_rsa, rs, with(good, QStringLiteral("at_hash"), halfHash(rs, "another access token"))),
        TokenCheck::AccessTokenHash);
    row("bad c_hash", token(m_rsa, rs, with(good, QStringLiteral("c_hash"), halfHash(rs, "another code"))),
        TokenCheck::CodeHash);
    row("EdDSA at_hash with SHA-256",
        token(m_ed, QStringLiteral("EdDSA"), with(good, QStringLiteral("at_hash"), halfHash(rs, accessToken))),
        TokenCheck::AccessTokenHash);
    row("five parts (JWE)", token(m_rsa, rs, good) + ".e30.e30", TokenCheck::Format);
    row("two parts", token(m_rsa, rs, good).first(token(m_rsa, rs, good).lastIndexOf('.')), TokenCheck::Format);
    row("padded base64", QByteArray(token(m_rsa, rs, good)).replace('.', "=."), TokenCheck::Format);
    row("header not JSON", "bm90IGpzb24." + test::jsonPart(good) + ".AAAA", TokenCheck::Format);
    {
        QJsonObject critical = header(rs, m_rsa.kid());
        critical.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")});
        row("critical extension", test::signedJwt(m_rsa, critical, good), TokenCheck::Format);
    }
}

void TestTokenValidation::refusesEachAttack()
{
    QFETCH(QByteArray, jwt);
    QFETCH(QByteArray, expectedNonce);
    QFETCH(int, check);
    IdTokenExpectations expected = expectations();
    expected.nonce = expectedNonce;
    TokenRefusal refusal;
    auto verified = verifyIdToken(jwt, m_keys, expected, &refusal);
    QVERIFY(!verified);
    QCOMPARE(verified.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(checkName(refusal.check), checkName(TokenCheck(check)));
    if (QByteArrayView(QTest::currentDataTag()) == "five parts (JWE)")
        QVERIFY2(refusal.detail.contains(QStringLiteral("encrypted")), qPrintable(refusal.detail));
    QVERIFY2(verified.error().message.startsWith(checkName(TokenCheck(check)) + QStringLiteral(": ")),
             qPrintable(verified.error().message));
}

void TestTokenValidation::refusalDetailNamesNoSecret()
{
    // The refusal goes into the audit event: never the nonce, the code or the access token.
    const QJsonObject claims = with(goodClaims(), QStringLiteral("nonce"), QStringLiteral("attacker-nonce"));
    auto verified = verifyIdToken(token(m_rsa, QStringLiteral("RS256"), claims), m_keys, expectations());
    QVERIFY(!verified);
    QVERIFY(!verified.error().message.contains(QString::fromLatin1(nonce)));
    QVERIFY(!verified.error().message.contains(QStringLiteral("attacker-nonce")));
    QJsonObject badHash = with(goodClaims(), QStringLiteral("at_hash"), QStringLiteral("x"));
    verified = verifyIdToken(token(m_rsa, QStringLiteral("RS256"), badHash), m_keys, expectations());
    QVERIFY(!verified);
    QVERIFY(!verified.error().message.contains(QString::fromLatin1(accessToken)));
}

void TestTokenValidation::singleKeyWithoutKid()
{
    auto one = KeySet::parse(test::jwks({&m_ec}));
    QVERIFY(one);
    auto verified = verifyIdToken(test::signedJwt(m_ec, header(QStringLiteral("ES256"), QString()), goodClaims()),
                                  one.value(), expectations());
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
}

void TestTokenValidation::keySetSkipsWhatIsNotASigningKey()
{
    QJsonObject encryption = m_rsa.jwk();
    encryption.insert(QStringLiteral("kid"), QStringLiteral("enc"));
    encryption.insert(QStringLiteral("use"), QStringLiteral("enc"));
    QJsonObject symmetric{{QStringLiteral("kty"), QStringLiteral("oct")},
                          {QStringLiteral("kid"), QStringLiteral("hmac")},
                          {QStringLiteral("k"), QStringLiteral("c2VjcmV0")}};
    QJsonObject priv = m_ec.jwk();
    priv.insert(QStringLiteral("kid"), QStringLiteral("private"));
    priv.insert(QStringLiteral("d"), QStringLiteral("AAAA"));
    QJsonObject p384{{QStringLiteral("kty"), QStringLiteral("EC")},
                     {QStringLiteral("crv"), QStringLiteral("P-384")},
                     {QStringLiteral("kid"), QStringLiteral("p384")},
                     {QStringLiteral("x"), QStringLiteral("AA")},
                     {QStringLiteral("y"), QStringLiteral("AA")}};
    const QJsonArray keys{encryption, symmetric, priv, p384, m_ed.jwk()};
    auto set = KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), keys}}).toJson());
    QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
    QCOMPARE(set.value().keyIds(), QStringList{QStringLiteral("ed-1")});

    // A 1024-bit RSA key is not trusted.
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> weak(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(1024)),
                                                             EVP_PKEY_free);
    BIGNUM* n = nullptr;
    QVERIFY(EVP_PKEY_get_bn_param(weak.get(), OSSL_PKEY_PARAM_RSA_N, &n) == 1);
    QByteArray modulus(BN_num_bytes(n), '\0');
    BN_bn2bin(n, reinterpret_cast<unsigned char*>(modulus.data()));
    BN_free(n);
    const QJsonObject weakJwk{{QStringLiteral("kty"), QStringLiteral("RSA")},
                              {QStringLiteral("kid"), QStringLiteral("weak")},
                              {QStringLiteral("n"), QString::fromLatin1(base64UrlEncode(modulus))},
                              {QStringLiteral("e"), QStringLiteral("AQAB")}};
    set =
        KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{weakJwk, m_rsa.jwk()}}}).toJson());
    QVERIFY(set);
    QCOMPARE(set.value().keyIds(), QStringList{QStringLiteral("rsa-1")});

    // Nothing usable at all: refused.
    set = KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{symmetric}}}).toJson());
    QVERIFY(!set);
    QVERIFY(!KeySet::parse("{\"keys\": {}}"));
    QVERIFY(!KeySet::parse("not json"));
}

void TestTokenValidation::keySetRefusesMalformedKeys_data()
{
    QTest::addColumn<QJsonObject>("jwk");
    QJsonObject offCurve = m_ec.jwk();
    QByteArray y = *base64UrlDecode(offCurve.value(QStringLiteral("y")).toString().toLatin1());
    y[31] = char(y[31] ^ 0x01);
    offCurve.insert(QStringLiteral("y"), QString::fromLatin1(base64UrlEncode(y)));
    QTest::newRow("EC point off the curve") << offCurve;
    QJsonObject shortX = m_ec.jwk();
    shortX.insert(QStringLiteral("x"), QStringLiteral("AAAA"));
    QTest::newRow("EC coordinate of the wrong size") << shortX;
    QJsonObject noModulus = m_rsa.jwk();
    noModulus.remove(QStringLiteral("n"));
    QTest::newRow("RSA without modulus") << noModulus;
    QJsonObject badBase64 = m_rsa.jwk();
    badBase64.insert(QStringLiteral("e"), QStringLiteral("AQAB=="));
    QTest::newRow("RSA exponent not base64url") << badBase64;
    QJsonObject exponentOne = m_rsa.jwk();
    exponentOne.insert(QStringLiteral("e"), QStringLiteral("AQ")); // e = 1: every "signature" is its own message
    QTest::newRow("RSA exponent 1") << exponentOne;
    QJsonObject evenModulus = m_rsa.jwk();
    QByteArray n = *base64UrlDecode(evenModulus.value(QStringLiteral("n")).toString().toLatin1());
    n[n.size() - 1] = char(n[n.size() - 1] & 0xfe);
    evenModulus.insert(QStringLiteral("n"), QString::fromLatin1(base64UrlEncode(n)));
    QTest::newRow("RSA even modulus") << evenModulus;
    QJsonObject shortEd = m_ed.jwk();
    shortEd.insert(QStringLiteral("x"), QStringLiteral("AAAA"));
    QTest::newRow("Ed25519 key of the wrong size") << shortEd;
}

void TestTokenValidation::keySetRefusesMalformedKeys()
{
    QFETCH(QJsonObject, jwk);
    auto set =
        KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk, m_ed.jwk()}}}).toJson());
    QVERIFY(!set);
    QCOMPARE(set.error().code, ErrorCode::InvalidArgument);

    // Two signing keys with one kid: which one signs is ambiguous.
    QJsonObject twin = m_ec.jwk();
    twin.insert(QStringLiteral("kid"), m_ed.kid());
    QVERIFY(
        !KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{twin, m_ed.jwk()}}}).toJson()));
}

void TestTokenValidation::keyAlgNarrowsTheKey()
{
    QJsonObject rsOnly = m_rsa.jwk();
    rsOnly.insert(QStringLiteral("alg"), QStringLiteral("RS256"));
    auto set = KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{rsOnly}}}).toJson());
    QVERIFY(set);
    QVERIFY(verifyIdToken(token(m_rsa, QStringLiteral("RS256"), goodClaims()), set.value(), expectations()));
    TokenRefusal refusal;
    QVERIFY(!verifyIdToken(token(m_rsa, QStringLiteral("PS256"), goodClaims()), set.value(), expectations(), &refusal));
    QCOMPARE(refusal.check, TokenCheck::KeyType);

    // A key announcing an algorithm its type cannot have is left out.
    QJsonObject mismatched = m_rsa.jwk();
    mismatched.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
    QVERIFY(!KeySet::parse(QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{mismatched}}}).toJson()));
}

void TestTokenValidation::accessTokenChecksAudienceAndType()
{
    QJsonObject claims = goodClaims();
    claims.remove(QStringLiteral("nonce"));
    claims.insert(QStringLiteral("aud"), QStringLiteral("https://gatehouse.example/api"));
    claims.insert(QStringLiteral("client_id"), QStringLiteral("integration-7"));
    QJsonObject atHeader = header(QStringLiteral("ES256"), m_ec.kid());
    atHeader.insert(QStringLiteral("typ"), QStringLiteral("at+jwt"));
    const QByteArray jwt = test::signedJwt(m_ec, atHeader, claims);

    AccessTokenExpectations expected;
    expected.issuer = issuer;
    expected.audience = QStringLiteral("https://gatehouse.example/api");
    expected.nowSeconds = now;
    expected.requireJwtAccessTokenType = true;
    auto verified = verifyAccessTokenJwt(jwt, m_keys, expected);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified.value().subject, QStringLiteral("user-42"));

    TokenRefusal refusal;
    expected.audience = clientId;
    QVERIFY(!verifyAccessTokenJwt(jwt, m_keys, expected, &refusal));
    QCOMPARE(refusal.check, TokenCheck::Audience);

    // An ID token (typ JWT) is not an access token when at+jwt is required.
    expected.audience = clientId;
    QVERIFY(!verifyAccessTokenJwt(token(m_ec, QStringLiteral("ES256"), goodClaims()), m_keys, expected, &refusal));
    QCOMPARE(refusal.check, TokenCheck::TokenType);

    expected.audience = QStringLiteral("https://gatehouse.example/api");
    expected.nowSeconds = now + 400;
    QVERIFY(!verifyAccessTokenJwt(jwt, m_keys, expected, &refusal));
    QCOMPARE(refusal.check, TokenCheck::Expiry);
}

void TestTokenValidation::discoveryIsChecked_data()
{
    QTest::addColumn<QJsonObject>("document");
    QTest::addColumn<QString>("configured");
    QTest::addColumn<bool>("valid");
    const QJsonObject good{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), issuer + QStringLiteral("/auth")},
        {QStringLiteral("token_endpoint"), issuer + QStringLiteral("/token")},
        {QStringLiteral("jwks_uri"), issuer + QStringLiteral("/jwks")},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("RS256")}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}}};
    QTest::newRow("good") << good << issuer << true;
    QTest::newRow("another issuer") << good << QStringLiteral("https://other.example") << false;
    QTest::newRow("issuer differs by a slash") << good << issuer + u'/' << false;
    QTest::newRow("issuer differs by case") << good << QStringLiteral("https://IDP.example") << false;
    QTest::newRow("http token endpoint") << with(good, QStringLiteral("token_endpoint"),
                                                 QStringLiteral("http://idp.example/token"))
                                         << issuer << false;
    QTest::newRow("no jwks_uri") << with(good, QStringLiteral("jwks_uri"), QJsonValue::Undefined) << issuer << false;
    QTest::newRow("plain PKCE only") << with(good, QStringLiteral("code_challenge_methods_supported"),
                                             QJsonArray{QStringLiteral("plain")})
                                     << issuer << false;
    QTest::newRow("HMAC ID tokens only") << with(good, QStringLiteral("id_token_signing_alg_values_supported"),
                                                 QJsonArray{QStringLiteral("HS256")})
                                         << issuer << false;
    const QString loopback = QStringLiteral("http://127.0.0.1:8443");
    QJsonObject local{{QStringLiteral("issuer"), loopback},
                      {QStringLiteral("authorization_endpoint"), loopback + QStringLiteral("/auth")},
                      {QStringLiteral("token_endpoint"), loopback + QStringLiteral("/token")},
                      {QStringLiteral("jwks_uri"), loopback + QStringLiteral("/jwks")},
                      {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("ES256")}}};
    QTest::newRow("http on loopback") << local << loopback << true;
    const QString remote = QStringLiteral("http://idp.example");
    QTest::newRow("http elsewhere") << with(local, QStringLiteral("issuer"), remote) << remote << false;
}

void TestTokenValidation::discoveryIsChecked()
{
    QFETCH(QJsonObject, document);
    QFETCH(QString, configured);
    QFETCH(bool, valid);
    auto metadata = ProviderMetadata::parse(QJsonDocument(document).toJson(), configured);
    QVERIFY2(metadata.ok() == valid, qPrintable(metadata ? QStringLiteral("accepted") : metadata.error().message));
    if (valid)
        QCOMPARE(metadata.value().tokenEndpointAuthMethods, QStringList{QStringLiteral("client_secret_basic")});
    QCOMPARE(ProviderMetadata::discoveryUrl(issuer + u'/').toString(),
             issuer + QStringLiteral("/.well-known/openid-configuration"));
}

void TestTokenValidation::pkceAndAuthorizationRequest()
{
    // RFC 7636, appendix B.
    QCOMPARE(Pkce::challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
             QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    QVERIFY(!Pkce::generate(42));
    QVERIFY(!Pkce::generate(129));
    for (int length : {43, 64, 128}) {
        auto pkce = Pkce::generate(length);
        QVERIFY(pkce);
        QCOMPARE(pkce.value().verifier.size(), length);
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]+$"));
        QVERIFY(unreserved.match(QString::fromLatin1(pkce.value().verifier)).hasMatch());
        QCOMPARE(pkce.value().challenge, Pkce::challengeOf(pkce.value().verifier));
    }
    QVERIFY(Pkce::generate().value().verifier != Pkce::generate().value().verifier);

    ProviderMetadata provider;
    provider.issuer = issuer;
    provider.authorizationEndpoint = QUrl(issuer + QStringLiteral("/auth?tenant=a+b"));
    auto request =
        AuthorizationRequest::create(provider, clientId, QUrl(QStringLiteral("http://127.0.0.1:5123/callback")),
                                     {QStringLiteral("email"), QStringLiteral("groups")});
    QVERIFY(request);
    const QUrlQuery query(request.value().url);
    QCOMPARE(query.queryItemValue(QStringLiteral("tenant")), QStringLiteral("a+b"));
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), clientId);
    QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             QStringLiteral("http://127.0.0.1:5123/callback"));
    QCOMPARE(query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded), QStringLiteral("openid email groups"));
    QCOMPARE(query.queryItemValue(QStringLiteral("state")).toLatin1(), request.value().state);
    QCOMPARE(query.queryItemValue(QStringLiteral("nonce")).toLatin1(), request.value().nonce);
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).toLatin1(), request.value().pkce.challenge);
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(request.value().state.size(), 43);
    QVERIFY(request.value().state != request.value().nonce);
}

void TestTokenValidation::claimPaths()
{
    const QJsonObject claims{
        {QStringLiteral("org"), QJsonObject{{QStringLiteral("groups"), QJsonArray{QStringLiteral("admins")}}}},
        {QStringLiteral("https://example.com/roles"), QStringLiteral("auditor")},
        {QStringLiteral("email"), QStringLiteral("a@example.com")}};
    QCOMPARE(claimAt(claims, QStringLiteral("org.groups")).toArray(), QJsonArray{QStringLiteral("admins")});
    QCOMPARE(claimAt(claims, QStringLiteral("https://example.com/roles")).toString(), QStringLiteral("auditor"));
    QCOMPARE(claimAt(claims, QStringLiteral("email")).toString(), QStringLiteral("a@example.com"));
    QVERIFY(claimAt(claims, QStringLiteral("org.missing")).isUndefined());
    QVERIFY(claimAt(claims, QStringLiteral("email.x")).isUndefined());
}

void TestTokenValidation::peekHeaderReadsKid()
{
    const auto peeked = peekHeader(token(m_ec, QStringLiteral("ES256"), goodClaims()));
    QVERIFY(peeked);
    QCOMPARE(peeked->keyId, m_ec.kid());
    QCOMPARE(peeked->algorithm, QStringLiteral("ES256"));
    QVERIFY(!peekHeader("garbage"));
}

QTEST_GUILESS_MAIN(TestTokenValidation)
#include "TestTokenValidation.moc"
