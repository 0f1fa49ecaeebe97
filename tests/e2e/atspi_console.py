#!/usr/bin/python3
"""Drives the running console through AT-SPI, the way a screen reader does.

Usage: atspi_console.py USERS_FILE

Signs in through the sign-in dialog's fields (found by their accessible names, filled through the
EditableText interface, the button pressed through its Action), then opens every pane from the sidebar list
(through each item's Toggle action) and checks that every control a user can reach there (buttons, fields,
lists, tables, tabs, combo boxes) has an accessible name, and that a pane's search field can be driven: text
typed through AT-SPI filters its table. Exits non-zero with the list of unnamed controls or the step that
failed.
"""
import base64
import hashlib
import hmac
import struct
import sys
import time

import pyatspi

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "password text", "combo box",
    "table", "tree table", "tree", "list", "spin button", "slider", "page tab", "entry", "list box",
}
# What a control is made of is named by the control: its cells, headers, items, scroll bars.
CONTAINER_ROLES = {"table", "tree table", "tree", "list", "list box", "combo box", "spin button"}


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def totp(secret_b32, at=None):
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000
    return f"{code:06d}"


def wait_for(predicate, timeout, what):
    end = time.time() + timeout
    while time.time() < end:
        try:
            found = predicate()
        except Exception:  # a node that went away while we looked
            found = None
        if found:
            return found
        time.sleep(0.2)
    fail(f"timed out after {timeout} s waiting for {what}")


def children(node):
    out = []
    try:
        for i in range(node.childCount):
            child = node.getChildAtIndex(i)
            if child is not None:
                out.append(child)
    except Exception:
        pass
    return out


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def walk(node, into_containers=True, depth=0):
    """Every descendant that is showing (a hidden page's controls are not reachable)."""
    if depth > 40:
        return
    for child in children(node):
        if not showing(child):
            continue
        yield child
        if not into_containers and child.getRoleName() in CONTAINER_ROLES:
            continue
        yield from walk(child, into_containers, depth + 1)


def find(node, role, name=None, contains=None):
    for n in walk(node):
        if n.getRoleName() != role:
            continue
        if name is not None and n.name != name:
            continue
        if contains is not None and contains.lower() not in (n.name or "").lower():
            continue
        return n
    return None


def act(node, names=("press", "click", "activate")):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i).lower() in names:
            action.doAction(i)
            return
    fail(f"{node.getRoleName()} '{node.name}' offers none of the actions {names}")


def set_text(node, text):
    if not node.queryEditableText().setTextContents(text):
        fail(f"could not type into {node.getRoleName()} '{node.name}'")


def application(name):
    def look():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if app.name == name:
                return app
        return None
    return wait_for(look, 30, f"the application '{name}' on the accessibility bus")


def account(users_file, username):
    for line in open(users_file, encoding="utf-8"):
        fields = line.split()
        if len(fields) >= 6 and not line.startswith("#") and fields[1] == username:
            # tenant, username, role (one or more words), scope, password, TOTP secret or "-"
            return {"tenant": fields[0], "password": fields[-2], "totp": fields[-1]}
    fail(f"{username} is not in {users_file}")


def unnamed_controls(root):
    out = []
    checked = 0
    for n in walk(root, into_containers=False):
        role = n.getRoleName()
        if role not in CONTROL_ROLES:
            continue
        checked += 1
        if not (n.name or "").strip():
            parent = n.parent
            out.append(f"{role} (in {parent.getRoleName()} '{parent.name}')" if parent else role)
    return checked, out


def main():
    if len(sys.argv) != 2:
        fail(__doc__)
    alice = account(sys.argv[1], "alice")
    app = application("Gatehouse")

    # Sign in, as a screen reader user would: the fields by their names, the button by its action.
    dialog = wait_for(lambda: find(app, "dialog", "Sign in to Gatehouse"), 30, "the sign-in dialog")
    checked, unnamed = unnamed_controls(dialog)
    if unnamed:
        fail("sign-in dialog: unnamed controls: " + ", ".join(unnamed))
    fields = {name: find(dialog, role, name) for role, name in (
        ("text", "Tenant"), ("text", "Username"), ("password text", "Password"),
        ("text", "Authenticator or recovery code"))}
    for name, node in fields.items():
        if node is None:
            fail(f"the sign-in dialog has no field named '{name}'")
    set_text(fields["Tenant"], alice["tenant"])
    set_text(fields["Username"], "alice")
    set_text(fields["Password"], alice["password"])
    set_text(fields["Authenticator or recovery code"], totp(alice["totp"]))
    act(wait_for(lambda: find(dialog, "push button", "Sign in"), 5, "the Sign in button"))
    print(f"sign-in dialog: {checked} controls named; signed in through AT-SPI")

    window = wait_for(lambda: next((n for n in children(app) if n.getRoleName() == "frame" and showing(n)), None),
                      30, "the main window after sign-in")
    panes = wait_for(lambda: find(window, "list", "Panes"), 10, "the sidebar list named 'Panes'")
    names = [item.name for item in children(panes)]
    if len(names) < 5:
        fail(f"the sidebar lists {len(names)} panes: {names}")
    problems = []
    for index, pane in enumerate(names):
        act(children(panes)[index], ("toggle",))  # a list item's action: select it
        wait_for(lambda: children(panes)[index].getState().contains(pyatspi.STATE_SELECTED), 5,
                 f"the pane '{pane}' to be selected")
        time.sleep(1.0)  # the pane loads its data off the GUI thread
        checked, unnamed = unnamed_controls(window)
        print(f"pane '{pane}': {checked} controls, {len(unnamed)} without a name")
        problems += [f"{pane}: {u}" for u in unnamed]

        if pane == "Identities":
            # Driving a field: the search box filters the users table.
            search = find(window, "text", contains="search")
            table = find(window, "table")
            if search is None or table is None:
                fail("the Identities pane has no search field or no table on the accessibility bus")
            before = wait_for(lambda: table.queryTable().nRows or None, 10, "the users to be listed")
            set_text(search, "carol")
            after = wait_for(lambda: (table.queryTable().nRows if table.queryTable().nRows < before else None), 10,
                             "the search typed through AT-SPI to filter the users")
            print(f"pane '{pane}': typing 'carol' into '{search.name}' left {after} of {before} rows")
            set_text(search, "")
    if problems:
        fail("unnamed controls:\n  " + "\n  ".join(problems))
    print(f"every control of {len(names)} panes has an accessible name")


if __name__ == "__main__":
    main()
