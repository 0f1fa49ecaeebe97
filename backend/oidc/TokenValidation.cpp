#include "TokenValidation.h"

namespace gatehouse::oidc {

QString checkName(TokenCheck check)
{
    switch (check) {
    case TokenCheck::Format:
        return QStringLiteral("format");
    case TokenCheck::Algorithm:
        return QStringLiteral("algorithm");
    case TokenCheck::UnknownKey:
        return QStringLiteral("unknown-key");
    case TokenCheck::KeyType:
        return QStringLiteral("key-type");
    case TokenCheck::Signature:
        return QStringLiteral("signature");
    case TokenCheck::Issuer:
        return QStringLiteral("issuer");
    case TokenCheck::Audience:
        return QStringLiteral("audience");
    case TokenCheck::AuthorizedParty:
        return QStringLiteral("authorized-party");
    case TokenCheck::Expiry:
        return QStringLiteral("expiry");
    case TokenCheck::NotBefore:
        return QStringLiteral("not-before");
    case TokenCheck::IssuedAt:
        return QStringLiteral("issued-at");
    case TokenCheck::Nonce:
        return QStringLiteral("nonce");
    case TokenCheck::AccessTokenHash:
        return QStringLiteral("at-hash");
    case TokenCheck::CodeHash:
        return QStringLiteral("c-hash");
    case TokenCheck::Subject:
        return QStringLiteral("subject");
    case TokenCheck::TokenType:
        return QStringLiteral("token-type");
    }
    return QStringLiteral("unknown");
}

Result<VerifiedToken> verifyIdToken(QByteArrayView, const KeySet&, const IdTokenExpectations&, TokenRefusal*)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not implemented yet"));
}

Result<VerifiedToken> verifyAccessTokenJwt(QByteArrayView, const KeySet&, const AccessTokenExpectations&, TokenRefusal*)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not implemented yet"));
}

std::optional<TokenHeader> peekHeader(QByteArrayView)
{
    return std::nullopt;
}

QJsonValue claimAt(const QJsonObject& claims, const QString& path)
{
    if (claims.contains(path))
        return claims.value(path);
    QJsonValue value(claims);
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

} // namespace gatehouse::oidc
