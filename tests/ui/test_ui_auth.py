from assistant.ui import auth


def test_single_user_mode_has_both_roles():
    user = auth.local_user()
    assert user.user_id == "lokaal"
    assert user.is_concernstaf and auth.ROLE_GRIFFIE in user.roles
    assert not user.authenticated


def test_header_user_with_groups_maps_roles_case_insensitively():
    headers = {"x-forwarded-user": "J.Jansen@Renkum.nl", "X-Forwarded-Groups": "Medewerker, other"}
    user = auth.user_from_headers(headers, "X-Forwarded-User", "X-Forwarded-Groups")
    assert user is not None
    assert user.user_id == "j.jansen@renkum.nl"
    assert user.roles == frozenset({auth.ROLE_GRIFFIE})
    assert not user.is_concernstaf


def test_header_beheer_group_gives_concernstaf_and_griffie():
    user = auth.user_from_headers({"X-Forwarded-User": "a", "X-Forwarded-Groups": "beheer"}, "X-Forwarded-User",
                                  "X-Forwarded-Groups")
    assert user.is_concernstaf and auth.ROLE_GRIFFIE in user.roles


def test_missing_header_means_not_logged_in():
    assert auth.user_from_headers({"X-Other": "x"}, "X-Forwarded-User", "X-Forwarded-Groups") is None


def test_oidc_claims():
    assert auth.user_from_oidc({"is_logged_in": False, "email": "x@y.nl"}) is None
    user = auth.user_from_oidc({"is_logged_in": True, "email": "p@vng.nl", "name": "Piet", "groups": ["concernstaf"]})
    assert user.display_name == "Piet" and user.is_concernstaf and user.user_id == "p@vng.nl"


def test_user_key_is_safe():
    assert auth.user_key("../../etc/passwd") == ".._.._etc_passwd"
    assert "/" not in auth.user_key("a/b\\c")
    assert auth.user_key("   ") == "lokaal"
