package org.reclaim.properties;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;

public record NewProperty(
        @NotBlank @Pattern(regexp = "[EW]\\d{8}", message = "must be an ONS GSS code such as E07000135") String authorityCode,
        @NotNull @Min(value = 1, message = "must be a UPRN of 1 to 12 digits") @Max(value = 999_999_999_999L, message = "must be a UPRN of 1 to 12 digits") Long uprn,
        @NotNull PropertyKind kind,
        @NotBlank @Size(max = 100) String addressLine1,
        @Nullable @Size(max = 100) String addressLine2,
        @NotBlank @Size(max = 60) String town,
        @NotBlank String postcode,
        @Nullable CouncilTaxBand councilTaxBand,
        @Nullable @PositiveOrZero Long rateableValuePence,
        @Nullable @Size(max = 200) String ratesDescription,
        @Nullable @PositiveOrZero Long weeklyRentPence,
        @Nullable @PositiveOrZero Long weeklyServiceChargePence) {
}
