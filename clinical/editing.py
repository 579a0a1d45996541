"""The one base of every content screen in the admin (pages, checker data, the checklist, the
shared sources and urgent box): what editing clinical content means here.

- Every save carries a change note, kept in the history (as GOV.UK Publisher's change notes).
- An edit can be *tried*: saved inside its transaction, looked at (a preview, the checker's
  answers, the must-warn check), then undone, and the form shown again exactly as typed.
  `RenderBound` is how: raised inside a save, the transaction rolls back and the screen comes
  back bound to what was posted, with a panel above it.
- `check_before_commit` is called inside the transaction after everything is saved (the row,
  its many-to-many links and its inlines): the checker's must-warn guard hangs there.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

CHANGE_NOTE_HELP = (
    "What you changed and why, in a few words, e.g. “Fixed a typo” or “New label, March "
    "2026”. Kept in the history beside your name."
)


def links_of(history, version_id) -> dict[str, list]:
    """The many-to-many links a history version kept: {"ingredients": [pk, ...]}."""
    links = {}
    for m2m in getattr(history, "_history_m2m_fields", []):
        kept = history._meta.get_field(f"{history._meta.model_name}_{m2m.name}").related_model
        other = f"{m2m.m2m_reverse_field_name()}_id"
        links[m2m.name] = list(
            kept.objects.filter(history_id=version_id)
            .order_by("m2m_history_id")
            .values_list(other, flat=True)
        )
    return links


TOO_LONG = (
    "This is %(show_value)d characters long, and at most %(limit_value)d fit. "
    "Shorten it: nothing was cut."
)


class PlainLimitsMixin:
    """A text longer than its limit is refused with a message saying so, never cut: the
    browser's own limit (maxlength), which cuts pasted text mid-sentence without a word, is
    left off, and the server says how long it is."""

    # The fields patients read: each shows its reading grade as staff type
    # (static/js/admin-editing.js asks the admin's reading-grade address).
    reading_grade_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and getattr(formfield, "max_length", None):
            formfield.widget.attrs.pop("maxlength", None)
            formfield.error_messages["max_length"] = TOO_LONG
        if formfield is not None and db_field.name in self.reading_grade_fields:
            formfield.widget.attrs["data-reading-grade"] = reverse("admin:reading_grade")
        return formfield

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        from education.readability import MIN_WORDS_TO_SCORE, reading_grade

        hard = []
        for name in self.reading_grade_fields:
            text = getattr(obj, name, "") or ""
            if len(text.split()) >= MIN_WORDS_TO_SCORE and reading_grade(text) > 8:
                label = str(obj._meta.get_field(name).verbose_name).capitalize()
                hard.append(f"“{label}” {reading_grade(text):.1f}")
        if hard:
            messages.warning(
                request,
                f"Saved, but hard to read: reading grade {', '.join(hard)}. Aim for 8 or "
                "lower: shorter sentences, everyday words.",
            )


class RenderBound(Exception):  # noqa: N818 - a signal to the view, not an error
    """Raised inside a save: undo it (the transaction rolls back) and show the form again as it
    was posted, with `context` for the panels above it."""

    def __init__(self, form, formsets, **context) -> None:
        super().__init__("show the form again")
        self.form = form
        self.formsets = formsets
        self.context = context


def change_note_field(*, required: bool = False, help_text: str = CHANGE_NOTE_HELP):
    """The change note: at most 100 characters (the history's change reason holds 100), a
    longer one refused with a message, never cut by the browser."""
    field = forms.CharField(
        label="Change note",
        required=required,
        max_length=100,
        help_text=help_text,
        error_messages={
            "max_length": TOO_LONG,
            "required": "Write a change note before you publish: what changed and why. The "
            "history keeps it.",
        },
        widget=forms.TextInput(attrs={"size": 70, "autocomplete": "off"}),
    )
    field.widget.attrs.pop("maxlength", None)
    return field


class ChangeNoteMixin(forms.Form):
    change_note = change_note_field()


class ClinicalAdmin(PlainLimitsMixin, SimpleHistoryAdmin):
    """History with change notes, and edits that can be tried before they are kept."""

    change_form_template = "admin/clinical/change_form.html"

    # --- the change note ------------------------------------------------------------------

    def get_fields(self, request, obj=None):
        # The change note is the form's own field, shown by the buttons, not a model field.
        return [name for name in super().get_fields(request, obj) if name != "change_note"]

    def get_form(self, request, obj=None, **kwargs):
        if kwargs.get("fields"):
            kwargs["fields"] = [name for name in kwargs["fields"] if name != "change_note"]
        form = super().get_form(request, obj, **kwargs)
        if "change_note" not in form.base_fields:
            form = type(
                form.__name__,
                (form,),
                {"change_note": ChangeNoteMixin.base_fields["change_note"]},
            )
        if (
            request.method == "POST"
            and "_draft" in request.POST
            and not getattr(request, "_clinical_draft_mode", None)
        ):
            # Publishing a draft says what changed and why: the history keeps it.
            note = change_note_field(required=True)
            form = type(form.__name__, (form,), {"change_note": note})
        return self._with_version_links(request, form)

    # --- history: a revert brings back the links too ----------------------------------------

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request._clinical_version_id = version_id
        return super().history_form_view(request, object_id, version_id, extra_context)

    def links_of_version(self, version_id) -> dict[str, list]:
        return links_of(self.model.history.model, version_id)

    def _with_version_links(self, request, form):
        """The revert screen opens with the version's links, not today's."""
        version_id = getattr(request, "_clinical_version_id", None)
        if version_id is None or request.method != "GET":
            return form
        links = {
            name: ids
            for name, ids in self.links_of_version(version_id).items()
            if name in form.base_fields
        }
        if not links:
            return form

        def __init__(form_self, *args, **kwargs):  # noqa: N807
            kwargs["initial"] = {**links, **(kwargs.get("initial") or {})}
            super(version_form, form_self).__init__(*args, **kwargs)

        version_form = type(form.__name__, (form,), {"__init__": __init__})
        return version_form

    def change_reason(self, request, form, change: bool) -> str:
        """The history's change reason: the note staff wrote, or what changed."""
        note = (form.cleaned_data.get("change_note") or "").strip() if form is not None else ""
        if note:
            return note
        if not change:
            return "Added"
        labels = [
            str(form.fields[name].label or name).rstrip(".")
            for name in form.changed_data
            if name in form.fields and name != "change_note"
        ]
        return f"Changed {', '.join(labels)}" if labels else "Saved with no change"

    def save_model(self, request, obj, form, change):
        version = self.reverting_to(request)
        if version is not None:
            obj._change_reason = f"Reverted to the version of {version.history_date:%d %b %Y %H:%M}"
        else:
            obj._change_reason = self.change_reason(request, form, change)
        request._clinical_change_reason = obj._change_reason
        super().save_model(request, obj, form, change)
        if version is not None:
            self.restore_with_parent(request, obj, version)

    # --- a revert brings back the rows that belong to the item ------------------------------

    # (child model, its foreign key to this one): a section's list points. A revert puts
    # them back as they were until the parent's next version.
    history_children: tuple[tuple[type, str], ...] = ()

    def reverting_to(self, request):
        version_id = getattr(request, "_clinical_version_id", None)
        if version_id is None or request.method != "POST":
            return None
        return self.model.history.model.objects.filter(history_id=version_id).first()

    def restore_with_parent(self, request, obj, version) -> None:
        reason = obj._change_reason
        following = (
            type(version)
            .objects.filter(id=obj.pk, history_id__gt=version.history_id)
            .order_by("history_id")
            .first()
        )
        for child_model, fk in self.history_children:
            history = child_model.history.model
            rows = history.objects.filter(**{f"{fk}_id": obj.pk})
            if following is not None:
                rows = rows.filter(history_date__lt=following.history_date)
            kept = []
            for child_id in set(rows.values_list("id", flat=True)):
                state = (
                    history.objects.filter(id=child_id)
                    .filter(
                        history_date__lt=following.history_date
                        if following is not None
                        else timezone.now()
                    )
                    .order_by("-history_date", "-history_id")
                    .first()
                )
                if state is None or state.history_type == "-":
                    continue
                if getattr(state, f"{fk}_id") != obj.pk:
                    continue
                child = state.instance
                child._change_reason = reason
                child.save()
                for name, ids in links_of(history, state.history_id).items():
                    getattr(child, name).set(ids)
                kept.append(child_id)
            for extra in child_model.objects.filter(**{fk: obj}).exclude(pk__in=kept):
                extra._change_reason = reason
                extra.delete()

    def save_formset(self, request, form, formset, change):
        # The inline rows (sections, list points, names) carry the same note as their parent.
        reason = getattr(request, "_clinical_change_reason", "") or "Saved with its parent"
        instances = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            deleted._change_reason = reason
            deleted.delete()
        for instance in instances:
            instance._change_reason = reason
            instance.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        from clinical import drafts

        super().save_related(request, form, formsets, change)
        mode = getattr(request, "_clinical_draft_mode", None)
        if mode == drafts.OPEN:
            raise RenderBound(form, formsets, editing_draft=True)
        if mode == drafts.PREVIEW:
            raise drafts.DraftReady(mode, self.patient_preview(request, form.instance))
        if mode == drafts.SAVE:
            raise drafts.DraftReady(mode)
        self.check_before_commit(request, form=form, formsets=formsets, change=change)
        if change and "_draft" in request.POST:
            drafts.remove(self.model, form.instance.pk)  # published: the draft is done

    # --- drafts (clinical/drafts.py) ---------------------------------------------------------

    def patient_path(self, obj) -> str | None:
        """Where patients read this item; None when they read it on the checker's results."""
        url = getattr(obj, "get_absolute_url", None)
        return url() if url else None

    def patient_preview(self, request, obj):
        """The patient's page drawn from the draft's rows (still inside the undone save)."""
        from clinical import drafts

        return drafts.draw(request, self.patient_path(obj))

    def draft_kept(self, request, object_id, ready):
        from clinical import drafts

        draft = drafts.keep(self.model, object_id, request)
        change_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[object_id],
        )
        if ready.mode == drafts.PREVIEW:
            return drafts.preview_page(ready.preview, f"{change_url}?draft={draft.pk}")
        messages.success(
            request,
            "The draft was saved. Patients still see the published version. Open the draft "
            "to preview it as a patient would see it, or to publish it.",
        )
        return HttpResponseRedirect(change_url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        from clinical import drafts

        if obj is not None and obj.pk is not None:
            draft = drafts.find(self.model, obj.pk)
            editing = bool(
                context.get("editing_draft") or (draft is not None and "_draft" in request.POST)
            )
            context.update(
                {
                    "draft": draft,
                    "editing_draft": editing and draft is not None,
                    "can_draft": self.has_change_permission(request, obj),
                    "change_note_required": editing and draft is not None,
                }
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def check_before_commit(self, request, *, form, formsets, change: bool) -> None:
        """Everything is saved, nothing committed: raise RenderBound to undo and show the form
        again. The checker's must-warn guard and the previews use this."""

    # --- showing a form again as posted ---------------------------------------------------

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        from clinical import drafts

        if object_id is not None and request.method == "POST":
            if "_discard_draft" in request.POST:
                return drafts.discard(self, request, unquote(object_id))
            if "_save_draft" in request.POST:
                request._clinical_draft_mode = drafts.SAVE
            elif "_preview" in request.POST:
                request._clinical_draft_mode = drafts.PREVIEW
        elif object_id is not None and request.method == "GET" and request.GET.get("draft"):
            draft = drafts.find(self.model, unquote(object_id))
            if draft is not None:
                # The screen with the draft's values: its form as posted, shown again.
                request = drafts.as_posted(request, draft.data)
                request._clinical_draft_mode = drafts.OPEN
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except drafts.DraftReady as ready:
            return self.draft_kept(request, unquote(object_id), ready)
        except RenderBound as bound:
            return self.render_bound(
                request,
                object_id,
                bound.form,
                bound.formsets,
                form_url=form_url,
                extra_context={**(extra_context or {}), **bound.context},
            )

    def render_bound(self, request, object_id, form, formsets, *, form_url="", extra_context=None):
        """The change form with these bound forms, as Django's own view shows a form that did
        not validate (django.contrib.admin.options.ModelAdmin._changeform_view), no errors
        added. The undone save may have given a new row an id: it is taken back."""
        add = object_id is None
        obj = None if add else self.get_object(request, unquote(object_id))
        if add:
            form.instance.pk = None
            form.instance._state.adding = True
        args = [request] if add else [request, obj]
        inline_instances = [inline for _, inline in self.get_formsets_with_inlines(*args)]
        fieldsets = self.get_fieldsets(request, obj)
        admin_form = helpers.AdminForm(
            form,
            list(fieldsets),
            self.get_prepopulated_fields(request, obj),
            self.get_readonly_fields(request, obj),
            model_admin=self,
        )
        media = self.media + admin_form.media
        inline_formsets = self.get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            media += inline_formset.media
        context = {
            **self.admin_site.each_context(request),
            "title": (_("Add %s") if add else _("Change %s")) % self.opts.verbose_name,
            "subtitle": str(obj) if obj else None,
            "adminform": admin_form,
            "object_id": object_id,
            "original": obj,
            "is_popup": False,
            "to_field": None,
            "media": media,
            "inline_admin_formsets": inline_formsets,
            "errors": helpers.AdminErrorList(form, formsets),
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        return self.render_change_form(
            request, context, add=add, change=not add, obj=obj, form_url=form_url
        )
