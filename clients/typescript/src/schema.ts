// Generated from supabase/functions/openapi/openapi.json by `npm run generate:clients` (openapi-typescript): do not edit.

export interface paths {
    "/ai-delinquency-prioritizer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rank delinquent leases (AI)
         * @description Scopes: `ai:run`, `read:payments` (an API key holding them, or the session of a member whose role does).
         *
         *     A tighter quota per key applies (`ai-delinquency-prioritizer`, app.route_quotas), shown in RateLimit-Policy.
         *
         *     Send an Idempotency-Key to make a retry safe: a repeat with the same key and body answers the stored answer (Idempotent-Replayed: true); the same key with another body is 409.
         *
         *     The body may be omitted (the same as `{}`).
         */
        post: operations["postAiDelinquencyPrioritizer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ai-vendor-summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Summarize a vendor (AI)
         * @description Scopes: `ai:run`, `read:vendors` (an API key holding them, or the session of a member whose role does).
         *
         *     A tighter quota per key applies (`ai-vendor-summary`, app.route_quotas), shown in RateLimit-Policy.
         *
         *     Send an Idempotency-Key to make a retry safe: a repeat with the same key and body answers the stored answer (Idempotent-Replayed: true); the same key with another body is 409.
         */
        post: operations["postAiVendorSummary"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postApiKeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an API key
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getApiKeysById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API key
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postApiKeysByIdRevoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Usage of an API key
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getApiKeysByIdUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-keys/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The scope catalogue
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getApiKeysScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description Scope: `read:applications` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getApplications"];
        put?: never;
        /**
         * Create an application
         * @description Scope: `write:applications` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an application
         * @description Scope: `read:applications` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getApplicationsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an application
         * @description Scope: `write:applications` (an API key holding it, or the session of a member whose role does).
         *
         *     The body may be omitted (the same as `{}`).
         */
        post: operations["postApplicationsByIdApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/applications/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny an application
         * @description Scope: `write:applications` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postApplicationsByIdDeny"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ar-aging": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A/R aging: delinquent rent by age
         * @description Scope: `read:payments` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getArAging"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dashboard's headline numbers
         * @description Scope: `read:dashboard` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/email-outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run email outbox (scheduled)
         * @description Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.
         */
        post: operations["postEmailOutbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List expenses
         * @description Scope: `read:expenses` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getExpenses"];
        put?: never;
        /**
         * Add, update or delete an expense entry (action)
         * @description Scope: `write:expenses` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postExpenses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Expense categories (IRS Schedule E)
         * @description Scope: `read:expenses` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getExpensesCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/expenses/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Expenses by category for a year
         * @description Scope: `read:expenses` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getExpensesSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description No credential needed.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List inspections
         * @description Scope: `read:inspections` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getInspections"];
        put?: never;
        /**
         * Create an inspection
         * @description Scope: `write:inspections` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postInspections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an inspection
         * @description Scope: `read:inspections` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getInspectionsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an inspection
         * @description Scope: `write:inspections` (an API key holding it, or the session of a member whose role does).
         *
         *     The body may be omitted (the same as `{}`).
         */
        post: operations["postInspectionsByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/inspections/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete an inspection
         * @description Scope: `write:inspections` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postInspectionsByIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List leases
         * @description Scope: `read:leases` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getLeases"];
        put?: never;
        /**
         * Create a lease
         * @description Scope: `write:leases` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postLeases"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a lease
         * @description Scope: `read:leases` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getLeasesById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a lease
         * @description Scope: `write:leases` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchLeasesById"];
        trace?: never;
    };
    "/leases/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a lease
         * @description Scope: `write:leases` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postLeasesByIdSign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leases/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate a lease
         * @description Scope: `write:leases` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postLeasesByIdTerminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/leases/generate-charges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate the monthly rent charges of signed leases
         * @description Scope: `write:leases` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postLeasesGenerateCharges"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling
         * @description Any API key or member's session: no scope is needed.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This OpenAPI document
         * @description No credential needed.
         */
        get: operations["getOpenapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payment plans
         * @description Scope: `read:payment_plans` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getPaymentPlans"];
        put?: never;
        /**
         * Create a payment plan
         * @description Scope: `write:payment_plans` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postPaymentPlans"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment plan
         * @description Scope: `read:payment_plans` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getPaymentPlansById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-plans/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a payment plan
         * @description Scope: `write:payment_plans` (an API key holding it, or the session of a member whose role does).
         *
         *     The body may be omitted (the same as `{}`).
         */
        post: operations["postPaymentPlansByIdAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-plans/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a payment under an accepted plan
         * @description Scope: `write:payment_plans` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postPaymentPlansByIdPayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-plans/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a payment plan
         * @description Scope: `write:payment_plans` (an API key holding it, or the session of a member whose role does).
         *
         *     The body may be omitted (the same as `{}`).
         */
        post: operations["postPaymentPlansByIdReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List payments
         * @description Scope: `read:payments` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a payment
         * @description Scope: `read:payments` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getPaymentsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record money received against a charge
         * @description Scope: `write:payments` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postPaymentsByIdReceipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List properties
         * @description Scope: `read:properties` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getProperties"];
        put?: never;
        /**
         * Create a property
         * @description Scope: `write:properties` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postProperties"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/properties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a property
         * @description Scope: `read:properties` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getPropertiesById"];
        put?: never;
        post?: never;
        /**
         * Delete a property
         * @description Scope: `write:properties` (an API key holding it, or the session of a member whose role does).
         */
        delete: operations["deletePropertiesById"];
        options?: never;
        head?: never;
        /**
         * Update a property
         * @description Scope: `write:properties` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchPropertiesById"];
        trace?: never;
    };
    "/rent-late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run rent late (scheduled)
         * @description Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.
         */
        post: operations["postRentLate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request-log-retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run request log retention (scheduled)
         * @description Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.
         */
        post: operations["postRequestLogRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List request logs
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getRequestLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/request-logs/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a request log entry
         * @description Scope: `admin:api_keys` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getRequestLogsByRequestId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description Scope: `read:tenants` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getTenants"];
        put?: never;
        /**
         * Create a tenant
         * @description Scope: `write:tenants` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postTenants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tenants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a tenant
         * @description Scope: `read:tenants` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getTenantsById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a tenant
         * @description Scope: `write:tenants` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchTenantsById"];
        trace?: never;
    };
    "/tenants/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a tenant
         * @description Scope: `write:tenants` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postTenantsByIdRemove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List units
         * @description Scope: `read:units` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getUnits"];
        put?: never;
        /**
         * Create a unit
         * @description Scope: `write:units` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postUnits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a unit
         * @description Scope: `read:units` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getUnitsById"];
        put?: never;
        post?: never;
        /**
         * Delete a unit
         * @description Scope: `write:units` (an API key holding it, or the session of a member whose role does).
         */
        delete: operations["deleteUnitsById"];
        options?: never;
        head?: never;
        /**
         * Update a unit
         * @description Scope: `write:units` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchUnitsById"];
        trace?: never;
    };
    "/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List vendors
         * @description Scope: `read:vendors` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getVendors"];
        put?: never;
        /**
         * Create a vendor
         * @description Scope: `write:vendors` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postVendors"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/vendors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a vendor
         * @description Scope: `read:vendors` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getVendorsById"];
        put?: never;
        post?: never;
        /**
         * Delete a vendor
         * @description Scope: `write:vendors` (an API key holding it, or the session of a member whose role does).
         */
        delete: operations["deleteVendorsById"];
        options?: never;
        head?: never;
        /**
         * Update a vendor
         * @description Scope: `write:vendors` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchVendorsById"];
        trace?: never;
    };
    "/webhook-dispatcher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run webhook dispatcher (scheduled)
         * @description Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.
         */
        post: operations["postWebhookDispatcher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getWebhookEndpoints"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getWebhookEndpointsById"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        delete: operations["deleteWebhookEndpointsById"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchWebhookEndpointsById"];
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries of a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getWebhookEndpointsByIdDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery of a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getWebhookEndpointsByIdDeliveriesByDeliveryId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver a delivery
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdDeliveriesByDeliveryIdRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdDisable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a webhook endpoint
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send again every delivery since an instant that did not succeed
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a webhook endpoint's secret
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-endpoints/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a webhook.test event
         * @description Scope: `admin:webhooks` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWebhookEndpointsByIdTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhook-retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run webhook retention (scheduled)
         * @description Called by the scheduler (pg_cron through pg_net hosted, the stack locally) with the scheduler secret, `SCHEDULER_SECRET`; anyone else gets 401.
         */
        post: operations["postWebhookRetention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List work orders
         * @description Scope: `read:work_orders` (an API key holding it, or the session of a member whose role does).
         *
         *     A page of the list, newest first: `limit` (1-200, default 50) and `cursor` (the previous page's `next_cursor`); `next_url` repeats the filters.
         */
        get: operations["getWorkOrders"];
        put?: never;
        /**
         * Create a work order
         * @description Scope: `write:work_orders` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWorkOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a work order
         * @description Scope: `read:work_orders` (an API key holding it, or the session of a member whose role does).
         */
        get: operations["getWorkOrdersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a work order
         * @description Scope: `write:work_orders` (an API key holding it, or the session of a member whose role does).
         */
        patch: operations["patchWorkOrdersById"];
        trace?: never;
    };
    "/work-orders/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a work order
         * @description Scope: `write:work_orders` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWorkOrdersByIdAssign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/work-orders/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a work order
         * @description Scope: `write:work_orders` (an API key holding it, or the session of a member whose role does).
         */
        post: operations["postWorkOrdersByIdComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "rent.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * rent.paid
         * @description A rent charge was paid in full.
         *
         *     Sent as a POST to each endpoint subscribed to `rent.paid` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookRentPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "rent.late": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * rent.late
         * @description A rent charge is still unpaid after its due date plus the organization's grace period.
         *
         *     Sent as a POST to each endpoint subscribed to `rent.late` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookRentLate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * application.submitted
         * @description A rental application was submitted.
         *
         *     Sent as a POST to each endpoint subscribed to `application.submitted` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookApplicationSubmitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * application.approved
         * @description A rental application was approved.
         *
         *     Sent as a POST to each endpoint subscribed to `application.approved` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookApplicationApproved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "application.denied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * application.denied
         * @description A rental application was denied.
         *
         *     Sent as a POST to each endpoint subscribed to `application.denied` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookApplicationDenied"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lease.signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lease.signed
         * @description A lease was signed.
         *
         *     Sent as a POST to each endpoint subscribed to `lease.signed` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookLeaseSigned"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "lease.terminated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * lease.terminated
         * @description A signed lease was terminated.
         *
         *     Sent as a POST to each endpoint subscribed to `lease.terminated` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookLeaseTerminated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "work_order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * work_order.created
         * @description A work order was created.
         *
         *     Sent as a POST to each endpoint subscribed to `work_order.created` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookWorkOrderCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "work_order.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * work_order.completed
         * @description A work order was completed.
         *
         *     Sent as a POST to each endpoint subscribed to `work_order.completed` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookWorkOrderCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "tenant.added": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * tenant.added
         * @description A tenant was added.
         *
         *     Sent as a POST to each endpoint subscribed to `tenant.added` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookTenantAdded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "tenant.removed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * tenant.removed
         * @description A tenant was removed.
         *
         *     Sent as a POST to each endpoint subscribed to `tenant.removed` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookTenantRemoved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "inspection.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * inspection.completed
         * @description An inspection was completed.
         *
         *     Sent as a POST to each endpoint subscribed to `inspection.completed` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookInspectionCompleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "payment_plan.proposed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * payment_plan.proposed
         * @description A payment plan was proposed.
         *
         *     Sent as a POST to each endpoint subscribed to `payment_plan.proposed` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookPaymentPlanProposed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test
         * @description A test event sent on request to one endpoint (POST /api/webhook-endpoints/{id}/test); no endpoint subscribes to it.
         *
         *     Sent as a POST to each endpoint subscribed to `webhook.test` (or `*`), signed with its secret. Answer any 2xx within 10 seconds to acknowledge; anything else is retried with backoff. Deduplicate on `id`: delivery is at least once.
         */
        post: operations["webhookWebhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        ApiErrorBody: {
            /** @description what went wrong, in plain words; a 500 quotes the request id */
            error: string;
        };
        ApiKey: {
            id: string;
            name: string;
            prefix: string;
            scopes: string[];
            rate_per_minute: number;
            rate_per_hour: number;
            /** @enum {string} */
            status: "active" | "revoked" | "expired";
            expires_at: string | null;
            revoked_at: string | null;
            last_used_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        ApiKeyIssued: {
            id: string;
            name: string;
            prefix: string;
            scopes: string[];
            rate_per_minute: number;
            rate_per_hour: number;
            /** @enum {string} */
            status: "active" | "revoked" | "expired";
            expires_at: string | null;
            revoked_at: string | null;
            last_used_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            /** @description the key itself: shown this once, never again */
            key: string;
        };
        ApiKeyUsage: {
            key_id: string;
            last_used_at: string | null;
            windows: {
                name: string;
                limit: number;
                window_seconds: number;
                used: number;
                remaining: number;
                /** @description an instant in UTC, ISO 8601 */
                resets_at: string;
            }[];
        };
        Application: {
            id: string;
            property_id: string;
            unit_id: string | null;
            /** @enum {string} */
            status: "submitted" | "approved" | "denied";
            applicant_name: string;
            applicant_email: string | null;
            applicant_phone: string | null;
            desired_move_in: string | null;
            monthly_income_usd: number | null;
            decision_reason: string | null;
            /** @description an instant in UTC, ISO 8601 */
            submitted_at: string;
            decided_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        ArAging: {
            rows: {
                payment_id: string;
                tenant_name: string | null;
                property_name: string;
                unit_label: string;
                /** @description US dollars */
                amount: number;
                /** @description a date, YYYY-MM-DD */
                due_date: string;
                days_late: number;
            }[];
            totals: {
                /** @description US dollars */
                "0-30": number;
                /** @description US dollars */
                "31-60": number;
                /** @description US dollars */
                "61-90": number;
                /** @description US dollars */
                "90+": number;
                /** @description US dollars */
                total: number;
            };
        };
        Dashboard: {
            organization_id: string;
            /** @description a date, YYYY-MM-DD */
            as_of: string;
            properties: number;
            units: number;
            occupied_units: number;
            occupancy_rate: number;
            leases_ending_in_60_days: number;
            late_payments: number;
            open_work_orders: number;
            /** @description US dollars */
            outstanding_balance_usd: number;
            /** @description US dollars */
            rent_collected_this_month_usd: number;
            /** @description US dollars */
            rent_due_this_month_usd: number;
        };
        Deleted: {
            id: string;
            /** @constant */
            deleted: true;
        };
        /** @description the delinquent leases ranked by a transparent score, each with a suggested next step, and a plain-language summary */
        DelinquencyAnswer: {
            /** @description a date, YYYY-MM-DD */
            as_of: string;
            property_id: string | null;
            totals: {
                delinquent_leases: number;
                /** @description US dollars */
                amount_owed_usd: number;
            };
            leases: {
                rank: number;
                lease_id: string;
                lease_status: string;
                tenant_name: string | null;
                tenants: {
                    id: string;
                    name: string;
                }[];
                property_id: string;
                property_name: string;
                unit_id: string;
                unit_label: string;
                /** @description US dollars */
                amount_owed_usd: number;
                /** @description US dollars */
                monthly_rent_usd: number;
                owed_to_rent_ratio: number | null;
                days_late: number;
                /** @description a date, YYYY-MM-DD */
                oldest_due_date: string;
                unpaid_charges: number;
                past_late_payments_12_months: number;
                lease_end_date: string | null;
                days_left_on_lease: number | null;
                payment_plan: {
                    id: string;
                    status: string;
                    /** @enum {string} */
                    state: "proposed" | "on_schedule" | "broken" | "completed" | "rejected";
                    proposed_on: string | null;
                    decided_on: string | null;
                    missed_installment_due_date: string | null;
                    next_installment_due_date: string | null;
                    next_installment_usd: number | null;
                } | null;
                score: {
                    total: number;
                    parts: {
                        days_late: number;
                        amount_owed: number;
                        late_history: number;
                        payment_plan: number;
                        lease_time_left: number;
                    };
                };
                next_step: {
                    /** @enum {string} */
                    action: "reminder" | "call" | "propose_payment_plan" | "formal_notice";
                    text: string;
                };
            }[];
            /** @description the plain-language summary */
            summary: string;
            /**
             * @description who wrote the summary: the configured model, or the deterministic writer
             * @enum {string}
             */
            narrative_source: "model" | "deterministic";
            model: string | null;
        };
        Expense: {
            id: string;
            property_id: string;
            category_id: string;
            label: string;
            /** @description US dollars */
            amount_usd: number;
            /** @description a date, YYYY-MM-DD */
            paid_on: string;
            vendor: string | null;
            vendor_id: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        ExpenseCategories: {
            data: {
                id: string;
                schedule_e_line: number;
                name: string;
            }[];
        };
        /** @description totals by Schedule E category for a year, per property and overall */
        ExpenseSummary: {
            year: number;
            properties: {
                property_id: string;
                property_name: string;
                categories: {
                    category_id: string;
                    schedule_e_line: number;
                    name: string;
                    /** @description US dollars */
                    amount_usd: number;
                    entries: number;
                }[];
                /** @description US dollars */
                total_usd: number;
            }[];
            totals: {
                category_id: string;
                schedule_e_line: number;
                name: string;
                /** @description US dollars */
                amount_usd: number;
                entries: number;
            }[];
            /** @description US dollars */
            total_usd: number;
        };
        Health: {
            /** @constant */
            status: "ok";
            /** @constant */
            database: "ok";
            time: string;
        };
        Inspection: {
            id: string;
            unit_id: string;
            property_id: string;
            /** @enum {string} */
            kind: "move_in" | "move_out" | "routine";
            /** @enum {string} */
            status: "scheduled" | "completed" | "cancelled";
            /** @description a date, YYYY-MM-DD */
            scheduled_for: string;
            inspector: string | null;
            findings: {
                area: string;
                /** @enum {string} */
                condition: "good" | "fair" | "poor";
                note: string | null;
            }[] | null;
            summary: string | null;
            completed_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        Lease: {
            id: string;
            unit_id: string;
            property_id: string;
            tenant_ids: string[];
            /** @enum {string} */
            status: "draft" | "signed" | "terminated";
            /** @description US dollars */
            rent: number;
            /** @description US dollars */
            deposit: number;
            due_day: number;
            /** @description a date, YYYY-MM-DD */
            start_date: string;
            end_date: string | null;
            signed_at: string | null;
            terminated_at: string | null;
            termination_reason: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        Me: {
            /** @enum {string} */
            type: "api_key" | "member";
            organization: {
                id: string;
                name: string;
            } | null;
            organizations: {
                id: string;
                name: string;
                role: string | null;
            }[];
            role: string | null;
            scopes: string[];
            key: {
                id: string;
                name: string;
                prefix: string;
            } | null;
            user: {
                id: string;
                email: string | null;
            } | null;
        };
        OutboxRun: {
            sent: number;
            failed: number;
            configured: boolean;
        };
        Payment: {
            id: string;
            lease_id: string;
            period_label: string;
            /** @description a date, YYYY-MM-DD */
            due_date: string;
            /** @description US dollars */
            amount: number;
            /** @description US dollars */
            paid_amount: number;
            /** @description US dollars */
            balance: number;
            /** @enum {string} */
            status: "open" | "late" | "paid";
            paid_at: string | null;
            late_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        PaymentPlan: {
            id: string;
            lease_id: string;
            /** @enum {string} */
            status: "proposed" | "accepted" | "rejected";
            /** @description US dollars */
            total_usd: number;
            /** @description US dollars */
            paid_usd: number;
            /** @description US dollars */
            remaining_usd: number;
            /** @description accepted plans only: every installment due so far is paid */
            on_schedule: boolean | null;
            note: string | null;
            installments: {
                seq: number;
                /** @description a date, YYYY-MM-DD */
                due_date: string;
                /** @description US dollars */
                amount_usd: number;
                /** @description US dollars */
                paid_usd: number;
                paid_on: string | null;
            }[];
            /** @description an instant in UTC, ISO 8601 */
            proposed_at: string;
            decided_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        PaymentPlanWithPayments: {
            id: string;
            lease_id: string;
            /** @enum {string} */
            status: "proposed" | "accepted" | "rejected";
            /** @description US dollars */
            total_usd: number;
            /** @description US dollars */
            paid_usd: number;
            /** @description US dollars */
            remaining_usd: number;
            /** @description accepted plans only: every installment due so far is paid */
            on_schedule: boolean | null;
            note: string | null;
            installments: {
                seq: number;
                /** @description a date, YYYY-MM-DD */
                due_date: string;
                /** @description US dollars */
                amount_usd: number;
                /** @description US dollars */
                paid_usd: number;
                paid_on: string | null;
            }[];
            /** @description an instant in UTC, ISO 8601 */
            proposed_at: string;
            decided_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            payments: {
                id: string;
                /** @description US dollars */
                amount_usd: number;
                /** @description a date, YYYY-MM-DD */
                paid_on: string;
                /** @description an instant in UTC, ISO 8601 */
                created_at: string;
            }[];
        };
        PaymentWithReceipts: {
            id: string;
            lease_id: string;
            period_label: string;
            /** @description a date, YYYY-MM-DD */
            due_date: string;
            /** @description US dollars */
            amount: number;
            /** @description US dollars */
            paid_amount: number;
            /** @description US dollars */
            balance: number;
            /** @enum {string} */
            status: "open" | "late" | "paid";
            paid_at: string | null;
            late_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            receipts: {
                id: string;
                /** @description US dollars */
                amount: number;
                /** @description an instant in UTC, ISO 8601 */
                received_at: string;
                /** @enum {string} */
                method: "ach" | "card" | "check" | "cash" | "other";
                reference: string | null;
                /** @description an instant in UTC, ISO 8601 */
                created_at: string;
            }[];
        };
        Property: {
            id: string;
            name: string;
            address_line1: string | null;
            address_line2: string | null;
            city: string | null;
            state: string | null;
            postal_code: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        PruneRun: {
            deleted: number;
            more: boolean;
        };
        RentChargesGenerated: {
            from: string;
            to: string;
            leases: number;
            created: number;
            existing: number;
        };
        RentLateRun: {
            /** @description charges marked late (each emits rent.late) */
            marked: number;
        };
        RequestLogEntry: {
            id: string;
            /** @constant */
            object: "request_log";
            request_id: string;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            key_id: string | null;
            member_id: string | null;
            method: string;
            route: string | null;
            status: number;
            duration_ms: number | null;
            error: string | null;
        };
        /** @description what the run did */
        ScheduledRun: {
            [key: string]: unknown;
        };
        Scopes: {
            data: {
                name: string;
                description: string;
            }[];
        };
        Tenant: {
            id: string;
            name: string;
            email: string | null;
            phone: string | null;
            removed_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        Unit: {
            id: string;
            property_id: string;
            label: string;
            bedrooms: number | null;
            bathrooms: number | null;
            square_feet: number | null;
            market_rent: number | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        Vendor: {
            id: string;
            name: string;
            trade: string | null;
            email: string | null;
            phone: string | null;
            notes: string | null;
            open_work_orders: number;
            completed_work_orders: number;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        /** @description the vendor's facts (computed in SQL), a keep/watch/replace recommendation and a plain-language summary */
        VendorSummaryAnswer: {
            vendor: {
                id: string;
                name: string;
                trade: string | null;
            };
            /** @description a date, YYYY-MM-DD */
            as_of: string;
            facts: {
                work_orders: {
                    total: number;
                    open: number;
                    assigned: number;
                    completed: number;
                    overdue: number;
                };
                median_days_to_complete: number | null;
                average_cost_per_job_usd: number | null;
                jobs_with_cost: number;
                /** @description US dollars */
                spend_this_year_usd: number;
                jobs_completed_this_year: number;
                jobs_with_due_date: number;
                jobs_on_time: number;
                on_time_rate: number | null;
                repeat_jobs_90_days: number;
                latest_notes: {
                    work_order_id: string;
                    title: string;
                    /** @description a date, YYYY-MM-DD */
                    date: string;
                    note: string;
                }[];
                organization: {
                    median_days_to_complete: number | null;
                    average_cost_per_job_usd: number | null;
                };
            };
            recommendation: {
                /** @enum {string} */
                action: "keep" | "watch" | "replace";
                reasons: string[];
            };
            /** @description the plain-language summary */
            summary: string;
            /**
             * @description who wrote the summary: the configured model, or the deterministic writer
             * @enum {string}
             */
            narrative_source: "model" | "deterministic";
            model: string | null;
        };
        WebhookDelivery: {
            id: string;
            endpoint_id: string;
            event_id: string;
            event: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "held";
            attempt_count: number;
            last_status_code: number | null;
            last_error: string | null;
            last_attempt_at: string | null;
            next_attempt_at: string | null;
            delivered_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            attempts: {
                attempt: number;
                /** @description an instant in UTC, ISO 8601 */
                attempted_at: string;
                status_code: number | null;
                succeeded: boolean;
                latency_ms: number | null;
                error: string | null;
                response_body: string | null;
            }[];
        };
        WebhookEndpoint: {
            id: string;
            url: string;
            description: string;
            events: string[];
            /** @enum {string} */
            status: "enabled" | "disabled";
            consecutive_failures: number;
            disabled_at: string | null;
            disabled_reason: string | null;
            previous_secret_expires_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            /** @description an instant in UTC, ISO 8601 */
            updated_at: string;
        };
        WebhookEndpointWithSecret: {
            id: string;
            url: string;
            description: string;
            events: string[];
            /** @enum {string} */
            status: "enabled" | "disabled";
            consecutive_failures: number;
            disabled_at: string | null;
            disabled_reason: string | null;
            previous_secret_expires_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
            /** @description an instant in UTC, ISO 8601 */
            updated_at: string;
            /** @description the signing secret: shown this once */
            secret: string;
        };
        WebhookPruneRun: {
            deliveries?: number;
            events?: number;
            archived_messages?: number;
            more?: boolean;
            previous_secrets_cleared: number;
        };
        WebhookReplay: {
            endpoint_id: string;
            /** @description an instant in UTC, ISO 8601 */
            since: string;
            replayed: number;
        };
        WorkOrder: {
            id: string;
            unit_id: string;
            property_id: string;
            vendor_id: string | null;
            title: string;
            description: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "emergency";
            /** @enum {string} */
            status: "open" | "assigned" | "completed";
            due_date: string | null;
            cost_usd: number | null;
            notes: string | null;
            assigned_at: string | null;
            completed_at: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        ApiKeyList: {
            data: components["schemas"]["ApiKey"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        ApplicationList: {
            data: components["schemas"]["Application"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        ExpenseList: {
            data: components["schemas"]["Expense"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        PostExpenses200: components["schemas"]["Expense"] | components["schemas"]["Deleted"];
        InspectionList: {
            data: components["schemas"]["Inspection"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        LeaseList: {
            data: components["schemas"]["Lease"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        GetOpenapi200: {
            openapi: string;
            info: {
                [key: string]: unknown;
            };
            paths: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        PaymentPlanList: {
            data: components["schemas"]["PaymentPlan"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        PaymentList: {
            data: components["schemas"]["Payment"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        PropertyList: {
            data: components["schemas"]["Property"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        RequestLogEntryList: {
            data: components["schemas"]["RequestLogEntry"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        TenantList: {
            data: components["schemas"]["Tenant"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        UnitList: {
            data: components["schemas"]["Unit"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        VendorList: {
            data: components["schemas"]["Vendor"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        WebhookEndpointList: {
            data: components["schemas"]["WebhookEndpoint"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        WebhookDeliveryList: {
            data: components["schemas"]["WebhookDelivery"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        WorkOrderList: {
            data: components["schemas"]["WorkOrder"][];
            has_more: boolean;
            /** @description the `cursor` of the next page, null on the last */
            next_cursor: string | null;
            /** @description the next page's path with the same filters, null on the last */
            next_url: string | null;
        };
        RentPaidPayload: {
            payment_id: string;
            lease_id: string;
            /** @description US dollars */
            amount_usd: number;
            period_label: string;
            /** @description an instant in UTC, ISO 8601 */
            paid_at: string;
        };
        RentPaidEvent: {
            /** @constant */
            event: "rent.paid";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["RentPaidPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        RentLatePayload: {
            payment_id: string;
            lease_id: string;
            /** @description US dollars */
            amount_usd: number;
            /** @description US dollars */
            balance_usd: number;
            period_label: string;
            /** @description a date, YYYY-MM-DD */
            due_date: string;
            /** @description an instant in UTC, ISO 8601 */
            late_at: string;
        };
        RentLateEvent: {
            /** @constant */
            event: "rent.late";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["RentLatePayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        ApplicationSubmittedPayload: {
            application_id: string;
            property_id: string;
            unit_id: string | null;
            applicant_name: string;
            applicant_email: string | null;
            desired_move_in: string | null;
            /** @description an instant in UTC, ISO 8601 */
            submitted_at: string;
        };
        ApplicationSubmittedEvent: {
            /** @constant */
            event: "application.submitted";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["ApplicationSubmittedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        ApplicationApprovedPayload: {
            application_id: string;
            property_id: string;
            unit_id: string | null;
            applicant_name: string;
            decision_reason: string | null;
            /** @description an instant in UTC, ISO 8601 */
            decided_at: string;
        };
        ApplicationApprovedEvent: {
            /** @constant */
            event: "application.approved";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["ApplicationApprovedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        ApplicationDeniedPayload: {
            application_id: string;
            property_id: string;
            unit_id: string | null;
            applicant_name: string;
            decision_reason: string | null;
            /** @description an instant in UTC, ISO 8601 */
            decided_at: string;
        };
        ApplicationDeniedEvent: {
            /** @constant */
            event: "application.denied";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["ApplicationDeniedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        LeaseSignedPayload: {
            lease_id: string;
            unit_id: string;
            tenant_ids: string[];
            /** @description US dollars */
            rent_usd: number;
            /** @description US dollars */
            deposit_usd: number;
            due_day: number;
            /** @description a date, YYYY-MM-DD */
            start_date: string;
            end_date: string | null;
            /** @description an instant in UTC, ISO 8601 */
            signed_at: string;
        };
        LeaseSignedEvent: {
            /** @constant */
            event: "lease.signed";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["LeaseSignedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        LeaseTerminatedPayload: {
            lease_id: string;
            unit_id: string;
            tenant_ids: string[];
            end_date: string | null;
            termination_reason: string | null;
            /** @description an instant in UTC, ISO 8601 */
            terminated_at: string;
        };
        LeaseTerminatedEvent: {
            /** @constant */
            event: "lease.terminated";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["LeaseTerminatedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        WorkOrderCreatedPayload: {
            work_order_id: string;
            unit_id: string;
            vendor_id: string | null;
            title: string;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "emergency";
            /** @enum {string} */
            status: "open" | "assigned" | "completed";
            due_date: string | null;
            /** @description an instant in UTC, ISO 8601 */
            created_at: string;
        };
        WorkOrderCreatedEvent: {
            /** @constant */
            event: "work_order.created";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["WorkOrderCreatedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        WorkOrderCompletedPayload: {
            work_order_id: string;
            unit_id: string;
            vendor_id: string | null;
            title: string;
            cost_usd: number | null;
            /** @description an instant in UTC, ISO 8601 */
            completed_at: string;
        };
        WorkOrderCompletedEvent: {
            /** @constant */
            event: "work_order.completed";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["WorkOrderCompletedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        TenantAddedPayload: {
            tenant_id: string;
            name: string;
            email: string | null;
            phone: string | null;
            /** @description an instant in UTC, ISO 8601 */
            added_at: string;
        };
        TenantAddedEvent: {
            /** @constant */
            event: "tenant.added";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["TenantAddedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        TenantRemovedPayload: {
            tenant_id: string;
            name: string;
            /** @description an instant in UTC, ISO 8601 */
            removed_at: string;
        };
        TenantRemovedEvent: {
            /** @constant */
            event: "tenant.removed";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["TenantRemovedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        InspectionCompletedPayload: {
            inspection_id: string;
            unit_id: string;
            /** @enum {string} */
            kind: "move_in" | "move_out" | "routine";
            /** @description a date, YYYY-MM-DD */
            scheduled_for: string;
            inspector: string | null;
            summary: string | null;
            findings: {
                area: string;
                /** @enum {string} */
                condition: "good" | "fair" | "poor";
                note: string | null;
            }[];
            /** @description an instant in UTC, ISO 8601 */
            completed_at: string;
        };
        InspectionCompletedEvent: {
            /** @constant */
            event: "inspection.completed";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["InspectionCompletedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        PaymentPlanProposedPayload: {
            payment_plan_id: string;
            lease_id: string;
            /** @description US dollars */
            total_usd: number;
            note: string | null;
            installments: {
                seq: number;
                /** @description a date, YYYY-MM-DD */
                due_date: string;
                /** @description US dollars */
                amount_usd: number;
            }[];
            /** @description an instant in UTC, ISO 8601 */
            proposed_at: string;
        };
        PaymentPlanProposedEvent: {
            /** @constant */
            event: "payment_plan.proposed";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["PaymentPlanProposedPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
        WebhookTestPayload: {
            endpoint_id: string;
            message: string;
        };
        WebhookTestEvent: {
            /** @constant */
            event: "webhook.test";
            /** @description taken at each attempt */
            delivered_at: string;
            organization_id: string;
            payload: components["schemas"]["WebhookTestPayload"];
            /** @description the event's id: the same on every retry, redelivery and replay */
            id: string;
        };
    };
    responses: {
        /** @description Bad input: a parameter or field is missing, malformed or unknown; the message names it. */
        Error400: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description No credential, or one that is malformed, unknown, revoked or expired. */
        Error401: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description The key or the member's role lacks a scope this route needs. */
        Error403: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description No such record in the caller's organization (an id of another organization answers the same), or a filter names one that is not there. */
        Error404: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description The path has no such method: Allow lists those it has. */
        Error405: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description Not allowed in the record's current state. */
        Error409: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description The body is larger than 1,000,000 bytes. */
        Error413: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description The URL is longer than 8,192 characters. */
        Error414: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description The body is not sent as JSON (Content-Type: application/json). */
        Error415: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description A rule of the data refuses it. */
        Error422: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description A rate limit or quota is used up: retry after Retry-After seconds. */
        Error429: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                /** @description Seconds to wait before retrying. */
                "Retry-After": string;
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description A request header this API reads is longer than 8,192 characters. */
        Error431: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description An unexpected error: the message quotes the request id, the detail is in the log only. */
        Error500: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
        /** @description Unavailable for a moment: the database is unreachable or did not answer in time (nothing was changed), members' sessions cannot be verified (the project's signing keys are unreachable), or webhook secrets cannot be sealed (no encryption key configured): retry after Retry-After seconds. */
        Error503: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiErrorBody"];
            };
        };
    };
    parameters: {
        /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
        RequestId: string;
        /** @description With a member's session: the organization to act for (required when the member belongs to several). */
        OrganizationId: string;
        /** @description 1-255 visible ASCII characters (a UUID is a good choice): a retry with the same key and body answers the stored answer instead of running again. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description This request's id: the client's own X-Request-Id when well formed, else req_<32 hex>. Quote it to support; GET /api/request-logs/{request_id} finds it. */
        "X-Request-Id": string;
        /** @description The limit closest to running out: `"<name>";r=<remaining>;t=<seconds to reset>` (draft-ietf-httpapi-ratelimit-headers). */
        RateLimit: string;
        /** @description Every limit of the key: `"hour";q=<limit>;w=3600, "minute";q=<limit>;w=60` (and the route's quota). */
        "RateLimit-Policy": string;
        /** @description The limit closest to running out: its size. */
        "X-RateLimit-Limit": string;
        /** @description Requests left in that window. */
        "X-RateLimit-Remaining": string;
        /** @description When that window resets, in Unix seconds. */
        "X-RateLimit-Reset": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": string;
        /** @description `true` when this is the stored answer to an earlier request with the same Idempotency-Key. */
        "Idempotent-Replayed": "true";
        /** @description `Bearer` (no credential) or `Bearer error="invalid_token"`. */
        "WWW-Authenticate": string;
        /** @description This request's id: the client's own X-Request-Id when well formed, else req_<32 hex>. Quote it to support; GET /api/request-logs/{request_id} finds it. */
        "X-Request-Id-Required": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postAiDelinquencyPrioritizer: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 visible ASCII characters (a UUID is a good choice): a retry with the same key and body answers the stored answer instead of running again. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    property_id?: string;
                    /** @default 50 */
                    limit?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelinquencyAnswer"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postAiVendorSummary: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-255 visible ASCII characters (a UUID is a good choice): a retry with the same key and body answers the stored answer instead of running again. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    vendor_id: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorSummaryAnswer"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApiKeys: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                status?: "active" | "revoked" | "expired";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postApiKeys: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    scopes: string[];
                    /** Format: date-time */
                    expires_at?: string;
                    rate_per_minute?: number;
                    rate_per_hour?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyIssued"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApiKeysById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the api key's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postApiKeysByIdRevoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the api key's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApiKeysByIdUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the api key's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyUsage"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApiKeysScopes: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Scopes"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApplications: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                status?: "submitted" | "approved" | "denied";
                property_id?: string;
                unit_id?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postApplications: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    property_id?: string;
                    unit_id?: string;
                    applicant_name: string;
                    applicant_email?: string;
                    applicant_phone?: string;
                    /** Format: date */
                    desired_move_in?: string;
                    monthly_income_usd?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getApplicationsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the application's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postApplicationsByIdApprove: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the application's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postApplicationsByIdDeny: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the application's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getArAging: {
        parameters: {
            query?: {
                as_of?: string;
                property_id?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArAging"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getDashboard: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postEmailOutbox: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxRun"];
                };
            };
            401: components["responses"]["Error401"];
            414: components["responses"]["Error414"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getExpenses: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                property_id?: string;
                category_id?: string;
                from?: string;
                to?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postExpenses: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    action: "add_entry";
                    property_id: string;
                    category_id: string;
                    label: string;
                    amount_usd: number;
                    /** Format: date */
                    paid_on: string;
                    vendor?: string | null;
                    vendor_id?: string | null;
                } | {
                    /** @constant */
                    action: "update_entry";
                    expense_id: string;
                    property_id?: string;
                    category_id?: string;
                    label?: string;
                    amount_usd?: number;
                    /** Format: date */
                    paid_on?: string;
                    vendor?: string | null;
                    vendor_id?: string | null;
                } | {
                    /** @constant */
                    action: "delete_entry";
                    expense_id: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostExpenses200"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Expense"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getExpensesCategories: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseCategories"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getExpensesSummary: {
        parameters: {
            query: {
                year: number;
                property_id?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ExpenseSummary"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            414: components["responses"]["Error414"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getInspections: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                unit_id?: string;
                property_id?: string;
                status?: "scheduled" | "completed" | "cancelled";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InspectionList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postInspections: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unit_id: string;
                    /** Format: date */
                    scheduled_for: string;
                    /** @enum {string} */
                    kind?: "move_in" | "move_out" | "routine";
                    inspector?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getInspectionsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the inspection's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postInspectionsByIdCancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the inspection's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postInspectionsByIdComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the inspection's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    findings: {
                        area: string;
                        /** @enum {string} */
                        condition: "good" | "fair" | "poor";
                        note?: string;
                    }[];
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Inspection"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getLeases: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                unit_id?: string;
                property_id?: string;
                tenant_id?: string;
                status?: "draft" | "signed" | "terminated";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LeaseList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postLeases: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unit_id: string;
                    tenant_ids: string[];
                    rent: number;
                    deposit?: number;
                    due_day?: number;
                    /** Format: date */
                    start_date: string;
                    end_date?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getLeasesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the lease's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchLeasesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the lease's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unit_id?: string;
                    tenant_ids?: string[];
                    rent?: number;
                    deposit?: number;
                    due_day?: number;
                    /** Format: date */
                    start_date?: string;
                    end_date?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postLeasesByIdSign: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the lease's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postLeasesByIdTerminate: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the lease's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** Format: date */
                    effective_date?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lease"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postLeasesGenerateCharges: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from: string;
                    to: string;
                    lease_id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RentChargesGenerated"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getOpenapi: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetOpenapi200"];
                };
            };
            414: components["responses"]["Error414"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getPaymentPlans: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                lease_id?: string;
                status?: "proposed" | "accepted" | "rejected";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postPaymentPlans: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lease_id: string;
                    installments: {
                        /** Format: date */
                        due_date: string;
                        amount_usd: number;
                    }[];
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanWithPayments"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getPaymentPlansById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment plan's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanWithPayments"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postPaymentPlansByIdAccept: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment plan's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanWithPayments"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postPaymentPlansByIdPayments: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment plan's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount_usd: number;
                    /** Format: date */
                    paid_on?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanWithPayments"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postPaymentPlansByIdReject: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment plan's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanWithPayments"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getPayments: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                lease_id?: string;
                property_id?: string;
                tenant_id?: string;
                period?: string;
                status?: "open" | "late" | "paid";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getPaymentsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentWithReceipts"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postPaymentsByIdReceipts: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the payment's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    /** Format: date-time */
                    received_at?: string;
                    /** @enum {string} */
                    method?: "ach" | "card" | "check" | "cash" | "other";
                    reference?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentWithReceipts"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getProperties: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PropertyList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postProperties: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    address_line1?: string | null;
                    address_line2?: string | null;
                    city?: string | null;
                    state?: string | null;
                    postal_code?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getPropertiesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the property's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deletePropertiesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the property's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchPropertiesById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the property's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    address_line1?: string | null;
                    address_line2?: string | null;
                    city?: string | null;
                    state?: string | null;
                    postal_code?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Property"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postRentLate: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RentLateRun"];
                };
            };
            401: components["responses"]["Error401"];
            414: components["responses"]["Error414"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postRequestLogRetention: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 20 */
                    max_seconds?: number;
                    /** @default 5000 */
                    batch_size?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PruneRun"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getRequestLogs: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                request_id?: string;
                key_id?: string;
                status?: string;
                route?: string;
                method?: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
                since?: string;
                until?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestLogEntryList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getRequestLogsByRequestId: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description request_id */
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestLogEntry"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getTenants: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                include_removed?: "true" | "false";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TenantList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postTenants: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    email?: string | null;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getTenantsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the tenant's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchTenantsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the tenant's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string | null;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postTenantsByIdRemove: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the tenant's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tenant"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getUnits: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                property_id?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postUnits: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    property_id: string;
                    label: string;
                    bedrooms?: number | null;
                    bathrooms?: number | null;
                    square_feet?: number | null;
                    market_rent?: number | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getUnitsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the unit's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deleteUnitsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the unit's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchUnitsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the unit's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: string;
                    bedrooms?: number | null;
                    bathrooms?: number | null;
                    square_feet?: number | null;
                    market_rent?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Unit"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getVendors: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                trade?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VendorList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postVendors: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    trade?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vendor"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getVendorsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the vendor's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vendor"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deleteVendorsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the vendor's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchVendorsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the vendor's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    trade?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Vendor"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookDispatcher: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 120 */
                    max_seconds?: number;
                    /** @default 10 */
                    idle_seconds?: number;
                    /** @default false */
                    until_idle?: boolean;
                    /** @default 1000 */
                    cpu_budget_ms?: number;
                    /** @default 30 */
                    visibility_timeout_seconds?: number;
                    /** @default 10000 */
                    attempt_timeout_ms?: number;
                    /** @default 256 */
                    concurrency?: number;
                    /** @default 100 */
                    batch_size?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduledRun"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /**
                     * @default [
                     *       "*"
                     *     ]
                     */
                    events?: string[];
                    /** @default  */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    deleteWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deleted"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchWebhookEndpointsById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    events?: string[];
                    description?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWebhookEndpointsByIdDeliveries: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                status?: "pending" | "succeeded" | "failed" | "held";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWebhookEndpointsByIdDeliveriesByDeliveryId: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
                /** @description the delivery's id */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdDeliveriesByDeliveryIdRedeliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
                /** @description the delivery's id */
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the delivery is queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdDisable: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdEnable: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdReplay: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                };
            };
        };
        responses: {
            /** @description Accepted: the delivery is queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReplay"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdRotateSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookEndpointsByIdTest: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the webhook endpoint's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the delivery is queued */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWebhookRetention: {
        parameters: {
            query?: never;
            header?: {
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default 20 */
                    max_seconds?: number;
                    /** @default 5000 */
                    batch_size?: number;
                    /** @default true */
                    history?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookPruneRun"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWorkOrders: {
        parameters: {
            query?: {
                /** @description page size */
                limit?: number;
                /** @description the previous page's next_cursor */
                cursor?: string;
                unit_id?: string;
                property_id?: string;
                vendor_id?: string;
                status?: "open" | "assigned" | "completed";
                priority?: "low" | "normal" | "high" | "emergency";
            };
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrderList"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWorkOrders: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "emergency";
                    due_date?: string | null;
                    notes?: string | null;
                    unit_id: string;
                    vendor_id?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    getWorkOrdersById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the work order's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            414: components["responses"]["Error414"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    patchWorkOrdersById: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the work order's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    description?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "emergency";
                    due_date?: string | null;
                    notes?: string | null;
                    cost_usd?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWorkOrdersByIdAssign: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the work order's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    vendor_id: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    postWorkOrdersByIdComplete: {
        parameters: {
            query?: never;
            header?: {
                /** @description With a member's session: the organization to act for (required when the member belongs to several). */
                "X-Organization-Id"?: components["parameters"]["OrganizationId"];
                /** @description Your own id for this request (8-128 of A-Z a-z 0-9 . _ : -), echoed back; else one is made. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                /** @description the work order's id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cost_usd: number;
                    notes?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id-Required"];
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkOrder"];
                };
            };
            400: components["responses"]["Error400"];
            401: components["responses"]["Error401"];
            403: components["responses"]["Error403"];
            404: components["responses"]["Error404"];
            409: components["responses"]["Error409"];
            413: components["responses"]["Error413"];
            414: components["responses"]["Error414"];
            415: components["responses"]["Error415"];
            422: components["responses"]["Error422"];
            429: components["responses"]["Error429"];
            431: components["responses"]["Error431"];
            500: components["responses"]["Error500"];
            503: components["responses"]["Error503"];
        };
    };
    webhookRentPaid: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RentPaidEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookRentLate: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RentLateEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookApplicationSubmitted: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationSubmittedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookApplicationApproved: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationApprovedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookApplicationDenied: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationDeniedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookLeaseSigned: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaseSignedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookLeaseTerminated: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LeaseTerminatedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWorkOrderCreated: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkOrderCreatedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWorkOrderCompleted: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkOrderCompletedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTenantAdded: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantAddedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTenantRemoved: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TenantRemovedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookInspectionCompleted: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InspectionCompletedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookPaymentPlanProposed: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanProposedEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookWebhookTest: {
        parameters: {
            query?: never;
            header: {
                /** @description `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint's secret>`. During the 24 hours after a rotation, one `v1=` per secret, the old one first: accept when any matches. Reject a `t` more than 5 minutes off. */
                "X-PMAI-Signature": string;
                /** @description The event's id, as `id` in the body. */
                "X-PMAI-Event-Id": string;
                /** @description The event kind, as `event` in the body. */
                "X-PMAI-Event": string;
                /** @description The delivery: one per event and endpoint. */
                "X-PMAI-Delivery-Id": string;
                /** @description The delivery's attempt number, from 1; a redeliver or replay continues the count. */
                "X-PMAI-Attempt": string;
                "User-Agent": "Aptoria-Webhooks/1.0";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookTestEvent"];
            };
        };
        responses: {
            /** @description Acknowledged. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not acknowledged: retried on the backoff schedule. */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
