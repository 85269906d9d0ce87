"""URLs under /boards/<board_slug>/data/ (included from lscb/urls.py)."""

from django.urls import path

from .views import benchmarks, breakdowns, catalogue, catalogue_import, dashboard, data

app_name = "datasets"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("indicators/", catalogue.indicator_list, name="indicator-list"),
    path("indicators/add/", catalogue.indicator_create, name="indicator-create"),
    path("indicators/starter-set/", catalogue.install_starter, name="install-starter"),
    path("indicators/<uuid:pk>/", dashboard.indicator_detail, name="indicator-detail"),
    path("indicators/<uuid:pk>/edit/", catalogue.indicator_edit, name="indicator-edit"),
    path("import/", data.import_upload, name="import"),
    path("import/<uuid:pk>/", data.import_preview_page, name="import-preview"),
    path("import/<uuid:pk>/apply/", data.import_apply_view, name="import-apply"),
    path("import/<uuid:pk>/progress/", data.import_progress, name="import-progress"),
    path(
        "import/<uuid:pk>/problems.csv",
        data.import_problems_download,
        name="import-problems-download",
    ),
    path("import/dfe/", benchmarks.dfe_import, name="dfe-import"),
    path("export/", data.export, name="export"),
    path("breakdowns/", breakdowns.breakdown_list, name="breakdown-list"),
    path("breakdowns/new/", breakdowns.CategorySetFormView.as_view(), name="breakdown-create"),
    path("breakdowns/<uuid:pk>/", breakdowns.breakdown_detail, name="breakdown-detail"),
    path(
        "breakdowns/<uuid:pk>/edit/",
        breakdowns.CategorySetFormView.as_view(),
        name="breakdown-edit",
    ),
    path(
        "breakdowns/<uuid:pk>/delete/",
        breakdowns.CategorySetDeleteView.as_view(),
        name="breakdown-delete",
    ),
    path(
        "breakdowns/<uuid:set_pk>/categories/new/",
        breakdowns.CategoryFormView.as_view(),
        name="category-create",
    ),
    path("categories/<uuid:pk>/edit/", breakdowns.CategoryFormView.as_view(), name="category-edit"),
    path(
        "categories/<uuid:pk>/delete/",
        breakdowns.CategoryDeleteView.as_view(),
        name="category-delete",
    ),
    path("indicators/import/", catalogue_import.catalogue_import, name="catalogue-import"),
    path(
        "indicators/import/<uuid:pk>/",
        catalogue_import.catalogue_import_preview,
        name="catalogue-import-preview",
    ),
    path(
        "indicators/import/<uuid:pk>/apply/",
        catalogue_import.catalogue_import_apply,
        name="catalogue-import-apply",
    ),
    path("quality/", data.quality, name="quality"),
]
