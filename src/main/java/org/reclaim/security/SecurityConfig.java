package org.reclaim.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The role matrix for every endpoint, in one place. Anything under /api not listed here is refused, so a new
 * endpoint is closed until its rule is written. API: HTTP Basic, stateless. Pages: form login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String OFFICER = Role.OFFICER.name();
    private static final String TEAM_LEADER = Role.TEAM_LEADER.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String ADMIN = Role.ADMIN.name();

    /**
     * GOV.UK Pay's webhooks and GOV.UK Notify's delivery callbacks come with no Reclaim user: the endpoint itself refuses
     * (401) a webhook whose Pay-Signature does not match a configured signing secret, and a callback without the bearer
     * token set for them (reclaim.notify.callback-token). No anonymous user is set, so nothing is recorded as done by one.
     */
    @Bean
    @Order(0)
    SecurityFilterChain govukPayWebhooks(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/govuk-pay/webhooks", "/api/v1/notify/callbacks")
                .authorizeHttpRequests(auth -> auth.requestMatchers(POST).permitAll().anyRequest().denyAll())
                .anonymous(anonymous -> anonymous.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // signed by GOV.UK Pay or carrying Notify's token, not sent by a browser: there is no session or cookie to forge
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        // configuration of the councils: anyone signed in reads it, only an admin changes it (this includes
                        // each council's advice partners directory and its support settings)
                        .requestMatchers(GET, "/api/v1/authorities/**").authenticated()
                        .requestMatchers("/api/v1/authorities/**").hasRole(ADMIN)
                        // totals without personal data: anyone signed in
                        .requestMatchers(GET, "/api/v1/reports/**").authenticated()
                        // statutory arithmetic without personal data: any member of staff
                        .requestMatchers(GET, "/api/v1/calculators/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR, ADMIN)
                        // runs that post to many accounts wait for a team leader
                        .requestMatchers("/api/v1/rent-debits/**").hasRole(TEAM_LEADER)
                        .requestMatchers(GET, "/api/v1/billing-runs/**", "/api/v1/payments/**", "/api/v1/payment-files/**", "/api/v1/suspense/**",
                                "/api/v1/refunds/**")
                            .hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        // refunds above the authority's limit wait for a team leader
                        .requestMatchers("/api/v1/refunds/**").hasRole(TEAM_LEADER)
                        .requestMatchers("/api/v1/payments/**", "/api/v1/payment-files/**", "/api/v1/suspense/**").hasAnyRole(OFFICER, TEAM_LEADER)
                        // a card payment's status check asks GOV.UK Pay and may post the money: the collections team
                        .requestMatchers(GET, "/api/v1/card-payments/*").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers("/api/v1/billing-runs/**").hasRole(TEAM_LEADER)
                        // recovery paths: staff read them, an administrator changes them
                        .requestMatchers(GET, "/api/v1/recovery/paths/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR, ADMIN)
                        .requestMatchers("/api/v1/recovery/paths/**").hasRole(ADMIN)
                        // recovery runs: a team leader runs them; the collections team reviews the lines (a team leader
                        // releases the stages that need authorisation, checked in RunLines)
                        .requestMatchers(GET, "/api/v1/recovery/runs/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/recovery/runs/*/lines/**").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(POST, "/api/v1/recovery/runs").hasRole(TEAM_LEADER)
                        // court: a team leader creates hearings and lists summons batches; the collections team records outcomes;
                        // staff read the hearings and their lists
                        .requestMatchers(GET, "/api/v1/recovery/hearings/**", "/api/v1/recovery/hearings").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/recovery/hearings/*/outcomes").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(POST, "/api/v1/recovery/hearings", "/api/v1/recovery/hearings/*/summonses").hasRole(TEAM_LEADER)
                        // remedies after a liability order: the employer's schedule is read by the team and auditors; the
                        // enforcement agents' referral and return files are the collections team's (ConfirmRemedy checks the
                        // remedies that need a team leader)
                        .requestMatchers(GET, "/api/v1/recovery/employer-schedules").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/recovery/enforcement-referrals", "/api/v1/recovery/enforcement-returns")
                            .hasAnyRole(OFFICER, TEAM_LEADER)
                        // Direct Debit runs, files (payers' bank details) and Bacs reports: team leaders; auditors read
                        .requestMatchers(GET, "/api/v1/direct-debit/**").hasAnyRole(TEAM_LEADER, AUDITOR)
                        .requestMatchers("/api/v1/direct-debit/**").hasRole(TEAM_LEADER)
                        // arrangements and income and expenditure: the collections team makes them, auditors read them; the daily
                        // monitor (which breaks arrangements) is a run for a team leader
                        .requestMatchers(GET, "/api/v1/arrangements/**", "/api/v1/income-expenditure", "/api/v1/income-expenditure/**",
                                "/api/v1/parties/*/income-expenditure").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/arrangements/monitor").hasRole(TEAM_LEADER)
                        // a proposal writes nothing: whoever may read the form may ask for one
                        .requestMatchers(POST, "/api/v1/arrangements/proposals").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/arrangements", "/api/v1/arrangements/*/cancel", "/api/v1/parties/*/income-expenditure")
                            .hasAnyRole(OFFICER, TEAM_LEADER)
                        // worklists: the collections team reads and works them, auditors read them; a team leader assigns tasks
                        // (Tasks checks that only the one who has a task, or a team leader, completes it)
                        .requestMatchers(GET, "/api/v1/worklists", "/api/v1/worklists/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/worklists/tasks/*/assign").hasRole(TEAM_LEADER)
                        .requestMatchers(POST, "/api/v1/worklists/tasks", "/api/v1/worklists/tasks/*/claim", "/api/v1/worklists/tasks/*/complete")
                            .hasAnyRole(OFFICER, TEAM_LEADER)
                        // letters: a team leader runs the day's letters and print runs; staff who read accounts read their letters;
                        // a preview writes nothing (administrators check their own wording with it)
                        .requestMatchers(POST, "/api/v1/documents/runs", "/api/v1/documents/print-runs").hasRole(TEAM_LEADER)
                        .requestMatchers(POST, "/api/v1/documents/preview").hasAnyRole(OFFICER, TEAM_LEADER, ADMIN)
                        .requestMatchers(GET, "/api/v1/documents/print-batches/**").hasAnyRole(TEAM_LEADER, AUDITOR)
                        .requestMatchers(GET, "/api/v1/documents/*").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        // GOV.UK Notify: an administrator sets each council's templates; a team leader sends the outbox and
                        // campaigns; officers preview and read campaigns and record returned letters
                        .requestMatchers(GET, "/api/v1/notify/templates/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR, ADMIN)
                        .requestMatchers(PUT, "/api/v1/notify/templates/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/v1/notify/outbox/send", "/api/v1/notify/campaigns", "/api/v1/notify/event-messages").hasRole(TEAM_LEADER)
                        .requestMatchers(POST, "/api/v1/notify/campaigns/preview", "/api/v1/notify/returned-letters").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(GET, "/api/v1/notify/campaigns/*").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        // posting the day's letters through GOV.UK Notify is part of the letters run: a team leader
                        .requestMatchers(POST, "/api/v1/notify/letters").hasRole(TEAM_LEADER)
                        // the access audit is for auditors
                        .requestMatchers(GET, "/api/v1/audit/**").hasRole(AUDITOR)
                        // which parish area a dwelling lies in changes every bill there: a team leader or an administrator
                        .requestMatchers(PUT, "/api/v1/properties/*/parish").hasAnyRole(TEAM_LEADER, ADMIN)
                        // personal data: the collections team reads and works it, auditors read it (this includes an account's
                        // entitlement prompts and referrals, and a customer's circumstance facts)
                        .requestMatchers(GET, "/api/v1/accounts/**", "/api/v1/customers/**", "/api/v1/properties/**")
                            .hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers("/api/v1/accounts/**", "/api/v1/customers/**", "/api/v1/properties/**", "/api/v1/hb-overpayments/**")
                            .hasAnyRole(OFFICER, TEAM_LEADER)
                        // contact centre: a team leader (or an administrator's integration) imports the telephony system's
                        // interval statistics; the collections team sends survey invitations and records complaints and their
                        // outcome, auditors read complaints (the reports are under /api/v1/reports, the settings under authorities)
                        .requestMatchers(POST, "/api/v1/telephony/intervals").hasAnyRole(TEAM_LEADER, ADMIN)
                        .requestMatchers(POST, "/api/v1/feedback/invitations").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(GET, "/api/v1/complaints/*").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/api/v1/complaints/*/outcome").hasAnyRole(OFFICER, TEAM_LEADER)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Reclaim").authenticationEntryPoint(ProblemResponses::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses::unauthorized)
                        .accessDeniedHandler(ProblemResponses::forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic authentication carries no cookie for a forged request to ride on
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The officer's pages. Reading a customer's data: the collections team and auditors; acting on it: the collections
     * team; starting a run: a team leader (pages under /runs post to the same facades as the API's runs). An
     * administrator sees the dashboard only: no personal data. Anything else is refused.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/error", "/login", "/css/**", "/js/**", "/assets/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        // the customer satisfaction survey: whoever holds the link's token answers it, without signing in
                        .requestMatchers(GET, "/feedback/*").permitAll()
                        .requestMatchers(POST, "/feedback/*").permitAll()
                        .requestMatchers(GET, "/").authenticated()
                        .requestMatchers(GET, "/search", "/customers/**", "/accounts/**", "/worklists", "/worklists/**",
                                "/income-expenditure/**", "/runs", "/runs/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        // a payment file and the review of a recovery run's lines are the collections team's (RunLines checks
                        // the stages that need a team leader); starting a recovery or Direct Debit run is a team leader's
                        .requestMatchers(POST, "/runs/payment-files", "/runs/recovery/*/lines/**").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(POST, "/runs/**").hasRole(TEAM_LEADER)
                        .requestMatchers(POST, "/worklists/tasks/*/assign").hasRole(TEAM_LEADER)
                        .requestMatchers(POST, "/customers/**", "/accounts/**", "/worklists/**", "/income-expenditure/**")
                            .hasAnyRole(OFFICER, TEAM_LEADER)
                        // bulk campaigns: the collections team previews one, a team leader sends it (as the API's)
                        .requestMatchers(GET, "/campaigns", "/campaigns/**").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .requestMatchers(POST, "/campaigns/new").hasAnyRole(OFFICER, TEAM_LEADER)
                        .requestMatchers(POST, "/campaigns").hasRole(TEAM_LEADER)
                        // the survey's results and complaints by month: counts only, for the collections team and auditors
                        .requestMatchers(GET, "/feedback-results").hasAnyRole(OFFICER, TEAM_LEADER, AUDITOR)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
