package org.reclaim.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What is needed to open an account: its authority, stream, liable parties, property where there is one, and liability period. */
public record OpenAccount(
        @NotBlank @Pattern(regexp = "[EW]\\d{8}", message = "must be an ONS GSS code such as E07000135") String authorityCode,
        @NotNull RevenueStream stream,
        @NotEmpty(message = "must name at least one liable customer") @Size(max = 20, message = "names more than 20 customers") List<@NotNull Long> liablePartyIds,
        @Nullable Long propertyId,
        @NotNull LocalDate liabilityStart,
        @Nullable LocalDate liabilityEnd) {
}
