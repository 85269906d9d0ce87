from rest_framework import serializers


class StrictSerializer(serializers.ModelSerializer):
    """Refuses fields it does not know, instead of silently ignoring a misspelt one."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: ["This field is not known."] for name in unknown}
                )
        return super().to_internal_value(data)
