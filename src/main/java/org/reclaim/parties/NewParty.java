package org.reclaim.parties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What is needed to record a new party: a surname for a person, a name for an organisation. */
public record NewParty(
        @NotBlank @Pattern(regexp = "[EW]\\d{8}", message = "must be an ONS GSS code such as E07000135") String authorityCode,
        @NotNull PartyKind kind,
        @Nullable @Size(max = 20) String title,
        @Nullable @Size(max = 100) String forenames,
        @Nullable @Size(max = 100) String surname,
        @Nullable @Size(max = 200) String organisationName,
        @Nullable @Past(message = "must be in the past") LocalDate dateOfBirth,
        @Nullable @Size(max = 20) List<@Valid @NotNull NewContactPoint> contactPoints) {

    public record NewContactPoint(
            @NotNull Party.ContactKind kind,
            @Nullable @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ]{6,20}", message = "must be a telephone number") String phone,
            @Nullable @Email(message = "must be an email address") @Size(max = 254) String email,
            @Nullable @Size(max = 100) String addressLine1,
            @Nullable @Size(max = 100) String addressLine2,
            @Nullable @Size(max = 60) String town,
            @Nullable String postcode,
            @Nullable Boolean preferred) {
    }
}
