#include "Appearance.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#include <QLibraryInfo>
#include <QLocale>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace gatehouse::ui {

namespace {

const QString kTheme = QStringLiteral("appearance/theme");
const QString kLanguage = QStringLiteral("appearance/language");

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    const QColor disabledText(0x80, 0x84, 0x8a), highlight(0x3d, 0x7b, 0xd9);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x12));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return p;
}

} // namespace

Appearance::Theme Appearance::theme()
{
    const QString value = QSettings().value(kTheme).toString();
    if (value == QLatin1String("light"))
        return Theme::Light;
    if (value == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void Appearance::setTheme(Theme theme)
{
    QSettings().setValue(kTheme, theme == Theme::Light  ? QStringLiteral("light")
                                 : theme == Theme::Dark ? QStringLiteral("dark")
                                                        : QStringLiteral("system"));
}

QString Appearance::language()
{
    const QString code = QSettings().value(kLanguage).toString();
    return languages().contains(code) ? code : QString();
}

void Appearance::setLanguage(const QString& code)
{
    QSettings().setValue(kLanguage, languages().contains(code) ? code : QString());
}

QStringList Appearance::languages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
}

QString Appearance::languageName(const QString& code)
{
    // Each language in its own words, as language pickers show them.
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

bool Appearance::systemPrefersDark()
{
    // The XDG desktop portal's preference: 1 prefers dark, 2 prefers light, 0 no preference.
    QDBusMessage read = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.portal.Desktop"), QStringLiteral("/org/freedesktop/portal/desktop"),
        QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("Read"));
    read << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    if (QDBusConnection::sessionBus().isConnected()) {
        const QDBusMessage reply = QDBusConnection::sessionBus().call(read, QDBus::Block, 300);
        if (reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()) {
            QVariant v = reply.arguments().first();
            while (v.canConvert<QDBusVariant>())
                v = v.value<QDBusVariant>().variant();
            if (v.toUInt() == 1)
                return true;
            if (v.toUInt() == 2)
                return false;
        }
    }
    const QColor window =
        QApplication::style() ? QApplication::style()->standardPalette().color(QPalette::Window) : QColor(Qt::white);
    return window.lightness() < 128;
}

void Appearance::apply(QApplication& app, Theme theme)
{
    const bool dark = theme == Theme::Dark || (theme == Theme::System && systemPrefersDark());
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(dark ? darkPalette() : app.style()->standardPalette());
}

void Appearance::installTranslators(QApplication& app)
{
    const QString code = language();
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
}

} // namespace gatehouse::ui
