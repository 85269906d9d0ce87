"""The Django admin app, with the two-factor site of lscb/admin_site.py as `admin.site`
(kept apart: an app's config module is imported before any model may be)."""

from django.contrib.admin.apps import AdminConfig


class TwoFactorAdminConfig(AdminConfig):
    default_site = "lscb.admin_site.TwoFactorAdminSite"
