"""History covers everything (issue 16, point 3): deleted items can be found and restored with
their links, and any two versions can be compared side by side."""

import re
from html import escape

import pytest
from django.urls import reverse

from checker import engine
from checker.models import InteractionGroup
from clinical.models import Source
from tests.education.pages import form_values, read_page

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return read_page(response.content)["text"]


def save_source(client, source, **changes):
    url = reverse("admin:clinical_source_change", args=[source.pk])
    data = form_values(client.get(url).content, "source_form")
    data.update({name: [value] for name, value in changes.items()})
    data["_save"] = ["Save"]
    assert client.post(url, data).status_code == 302


# --- Compare two versions ---------------------------------------------------------------------


def test_two_versions_of_a_source_are_shown_side_by_side(staff_client):
    source = Source.objects.order_by("pk").first()
    first_title = source.title
    save_source(staff_client, source, title="A second title (test)", change_note="Test one")
    save_source(staff_client, source, title="A third title (test)", change_note="Test two")
    oldest, newest = (
        source.history.order_by("history_id").first(),
        source.history.order_by("history_id").last(),
    )

    history = staff_client.get(reverse("admin:clinical_source_history", args=[source.pk]))
    html = history.content.decode()
    compare = reverse("admin:history_compare", args=["clinical", "source", source.pk])
    assert f'action="{compare}"' in html
    assert f'name="older" value="{oldest.history_id}"' in html
    assert f'name="newer" value="{newest.history_id}"' in html
    assert 'value="Compare the two chosen versions"' in html

    response = staff_client.get(compare, {"older": oldest.history_id, "newer": newest.history_id})
    assert response.status_code == 200
    row = re.search(r"<tr><th scope=\"row\">Title</th>(.*?)</tr>", response.content.decode())
    assert row, response.content.decode()[:2000]
    older, newer = re.findall(r"<td[^>]*>(.*?)</td>", row[1])
    assert older == escape(first_title)
    assert newer == "A third title (test)"
    assert "1 field differs" in text_of(response)
    assert "“Test two”" in text_of(response)
    # Chosen the other way round, older is still on the left.
    swapped = staff_client.get(compare, {"older": newest.history_id, "newer": oldest.history_id})
    assert (
        text_of(swapped).split("Compare two versions")[-1]
        == (text_of(response).split("Compare two versions")[-1])
    )


def test_comparing_needs_two_versions_of_this_item(staff_client):
    source, other = Source.objects.order_by("pk")[:2]
    compare = reverse("admin:history_compare", args=["clinical", "source", source.pk])
    mine = source.history.first().history_id
    theirs = other.history.first().history_id
    assert staff_client.get(compare, {"older": mine, "newer": theirs}).status_code == 404
    assert staff_client.get(compare, {"older": mine}).status_code == 404
    same = staff_client.get(compare, {"older": mine, "newer": mine})
    assert "You chose the same version twice" in text_of(same)


# --- Recently deleted -------------------------------------------------------------------------


def test_a_deleted_source_is_listed_and_restored(staff_client):
    source = Source.objects.create(
        key="test-deleted", title="A source deleted by mistake (test)", url="https://a.example"
    )
    delete = reverse("admin:clinical_source_delete", args=[source.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Source.objects.filter(key="test-deleted").exists()

    listing = staff_client.get(reverse("admin:recently_deleted"))
    assert "A source deleted by mistake (test)" in text_of(listing)
    index = staff_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:recently_deleted")}"' in index
    restore = re.search(
        r'<a href="([^"]+)">Restore<span class="visually-hidden"> A source deleted by mistake',
        listing.content.decode(),
    )[1]
    data = form_values(staff_client.get(restore).content, "historicalsource_form")
    assert data["title"] == ["A source deleted by mistake (test)"]
    data["_save"] = ["Save"]
    assert staff_client.post(restore, data).status_code == 302

    back = Source.objects.get(key="test-deleted")
    assert back.title == "A source deleted by mistake (test)"
    again = staff_client.get(reverse("admin:recently_deleted")).content.decode()
    assert "A source deleted by mistake (test)" in listing.content.decode()
    assert "A source deleted by mistake (test)" not in again.split('id="content-main"')[1]


def test_the_deleted_opioid_group_is_restored_from_the_list_with_its_ingredients(staff_client):
    group = InteractionGroup.objects.get(about_opioids=True)
    members = set(group.ingredients.values_list("name", flat=True))
    delete = reverse("admin:checker_interactiongroup_delete", args=[group.pk])
    refused = staff_client.get(delete)
    token = re.search(rb'name="must_warn_confirm" value="([0-9a-f]+)"', refused.content)[1]
    staff_client.post(delete, {"post": "yes", "must_warn_confirm": token.decode()})
    assert not InteractionGroup.objects.filter(pk=group.pk).exists()

    listing = staff_client.get(reverse("admin:recently_deleted")).content.decode()
    restore = re.search(
        rf'<a href="([^"]+)">Restore<span class="visually-hidden"> {re.escape(escape(str(group)))}',
        listing,
    )[1]
    data = form_values(staff_client.get(restore).content, "historicalinteractiongroup_form")
    data["_save"] = ["Save"]
    assert staff_client.post(restore, data).status_code == 302
    back = InteractionGroup.objects.get(pk=group.pk)
    assert set(back.ingredients.values_list("name", flat=True)) == members
    engine.bump_version()
    finding = engine.check_medicines(entries=["OxyContin"]).findings[0]
    assert finding.severity == "avoid" and finding.urgent


def test_recently_deleted_is_for_staff_only(client):
    response = client.get(reverse("admin:recently_deleted"))
    assert response.status_code == 302 and "login" in response["Location"]
