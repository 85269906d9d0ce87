"""What drf-spectacular cannot infer: error answers, closed request bodies, token auth."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "description": "What went wrong, in words.",
}
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {
        "oneOf": [{"type": "array", "items": {}}, {"type": "object"}, {"type": "string"}]
    },
    "description": "Field name → messages; `detail` or `non_field_errors` for the whole request.",
}
ERROR_ANSWERS = {
    "400": ("The request is malformed or a field is not valid.", "FieldErrors"),
    "401": ("No valid token or session: the token is missing, revoked or expired.", "Error"),
    "403": ("Your roles on this board do not allow this.", "Error"),
    "404": ("Not found, or not on a board where you hold a role.", "Error"),
    "405": ("This method is not allowed here.", "Error"),
    "406": ("The requested format is not available.", "Error"),
    "409": ("The request clashes with an existing record, such as a duplicate name.", "Error"),
    "415": ("Send JSON.", "Error"),
    "429": ("Too many requests with this token; retry later.", "Error"),
}


def complete_schema(result: dict, generator, request, public) -> dict:
    """Closes request bodies to unknown fields and documents every error answer."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in schemas.items():
        # Request bodies go through StrictSerializer, which refuses unknown fields.
        if name.endswith("Request") and component.get("type") == "object":
            component["additionalProperties"] = False
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("FieldErrors", FIELD_ERRORS)
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, (description, schema_name) in ERROR_ANSWERS.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{schema_name}"}
                            }
                        },
                    },
                )
    return result


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """Documents `Authorization: Bearer lscb_…` as the way partner systems authenticate."""

    target_class = "api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token, made under Your account → API tokens.",
        }
