// Generated from schema/upstreams by `npm run generate:contracts`. Do not edit.

export type paths = {
    "/authentication/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a form; sets the session cookie. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The repositories the caller may see, as a plain array. */
        get: operations["listRepositories"];
        put?: never;
        /** Create a repository (admin only); the server assigns `id` and `creationDate`. */
        post: operations["createRepository"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** One repository; supports `ETag` / `Last-Modified` revalidation. */
        get: operations["getRepository"];
        /** Replace the whole repository (owner only). Fields left out are erased. */
        put: operations["modifyRepository"];
        post?: never;
        /** Delete a repository (owner only); with archiving enabled only an archived one. */
        delete: operations["deleteRepository"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{type}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: string;
                /** @description The whole name, slashes included (JAX-RS regex `.*`). */
                name: string;
            };
            cookie?: never;
        };
        /** One repository by type and name. */
        get: operations["getRepositoryByTypeAndName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/blame": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** Annotate each line of a file with the changeset that last changed it. */
        get: operations["getBlame"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/branches": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** All branches. */
        get: operations["getBranches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** All tags. */
        get: operations["getTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/browse": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** The files and folders of a folder. */
        get: operations["browse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/changesets": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** Changesets, newest first, paged by start and limit. */
        get: operations["getChangesets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/changeset/{revision}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
                revision: string;
            };
            cookie?: never;
        };
        /** One changeset. */
        get: operations["getChangeset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** The bytes of a file. */
        get: operations["getContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        /** The modifications of a changeset, optionally limited to a path. */
        get: operations["getDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/repositories/{id}/healthcheck": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the repository's health checks again (owner only). */
        post: operations["runHealthCheck"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        ScmState: {
            success: boolean;
            user: {
                name: string;
                displayName: string;
                mail?: string;
                admin: boolean;
            };
            groups?: string[];
        };
        HealthCheckFailure: {
            id: string;
            summary: string;
            description?: string;
            url?: string;
        };
        Permission: {
            name: string;
            /** @enum {string} */
            type: "READ" | "WRITE" | "OWNER";
            groupPermission: boolean;
        };
        Property: {
            key: string;
            value?: string | null;
        };
        Repository: {
            id: string;
            name: string;
            type: string;
            contact?: string | null;
            description?: string | null;
            /**
             * Format: int64
             * @description Epoch milliseconds; assigned on creation, and null once a PUT left it out.
             */
            creationDate?: number | null;
            /**
             * Format: int64
             * @description Epoch milliseconds.
             */
            lastModified?: number | null;
            public: boolean;
            archived: boolean;
            /** @description Clone URL. */
            url?: string;
            healthCheckFailures?: components["schemas"]["HealthCheckFailure"][] | null;
            permissions?: components["schemas"]["Permission"][] | null;
            properties?: components["schemas"]["Property"][] | null;
        };
        /** @description A repository as a client sends it. A PUT replaces the whole record, so what the body leaves out is erased, `creationDate` and `healthCheckFailures` included. */
        RepositoryInput: {
            id?: string;
            name: string;
            type: string;
            contact?: string | null;
            description?: string | null;
            creationDate?: number | null;
            lastModified?: number | null;
            public?: boolean;
            archived?: boolean;
            url?: string;
            healthCheckFailures?: unknown[] | null;
            permissions?: components["schemas"]["Permission"][] | null;
            properties?: components["schemas"]["Property"][] | null;
        };
        Person: {
            name: string;
            mail?: string | null;
        };
        BlameLine: {
            lineNumber: number;
            revision: string;
            author: components["schemas"]["Person"];
            /**
             * Format: int64
             * @description Epoch milliseconds.
             */
            when: number;
            description?: string;
            code: string;
        };
        BlameResult: {
            blamelines: components["schemas"]["BlameLine"][];
            total: number;
        };
        NamedRevision: {
            name: string;
            revision: string;
        };
        FileObject: {
            name: string;
            path: string;
            directory: boolean;
            length?: number;
            lastModified?: number | null;
            description?: string | null;
            subrepository?: {
                "browser-url"?: string;
                "repository-url"?: string;
                revision?: string;
            } | null;
        };
        BrowserResult: {
            revision: string;
            branch?: string | null;
            tag?: string | null;
            files: components["schemas"]["FileObject"][];
        };
        Modifications: {
            added: string[];
            modified: string[];
            removed: string[];
        };
        Changeset: {
            id: string;
            author: components["schemas"]["Person"];
            /**
             * Format: int64
             * @description Epoch milliseconds.
             */
            date: number;
            description: string;
            parents: string[];
            branches: string[];
            tags: string[];
            modifications: components["schemas"]["Modifications"];
            properties: components["schemas"]["Property"][];
        };
    };
    responses: {
        /** @description No credentials, or wrong ones. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The repository's type does not support this command (svn has no branches or tags). */
        Unsupported: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The repository, revision or path is missing. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description Server error; a duplicate repository name answers so. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": {
                    message: string;
                    stacktrace: string;
                };
            };
        };
    };
    parameters: {
        id: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    username: string;
                    password: string;
                    /** @enum {string} */
                    rememberMe?: "true" | "false";
                };
            };
        };
        responses: {
            /** @description Signed in; `Set-Cookie` carries the session. */
            200: {
                headers: {
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScmState"];
                };
            };
            /** @description A field is missing. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Wrong user name or password. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The account is locked. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listRepositories: {
        parameters: {
            query?: {
                start?: number;
                limit?: number;
                sortby?: string;
                desc?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Repositories. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repository"][];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    createRepository: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepositoryInput"];
            };
        };
        responses: {
            /** @description Created; no body. */
            201: {
                headers: {
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid name or unknown type. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller is no admin. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            500: components["responses"]["InternalError"];
        };
    };
    getRepository: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
                "If-Modified-Since"?: string;
            };
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repository. */
            200: {
                headers: {
                    ETag?: string;
                    "Last-Modified"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repository"];
                };
            };
            /** @description Not modified since the validator the caller sent. */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description No repository with that id visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    modifyRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepositoryInput"];
            };
        };
        responses: {
            /** @description Modified. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body changes name or type */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller has no owner rights. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such repository. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteRepository: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller has no owner rights. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such repository. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Archiving is enabled and the repository is not archived. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRepositoryByTypeAndName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                type: string;
                /** @description The whole name, slashes included (JAX-RS regex `.*`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The repository. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Repository"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such repository visible to the caller. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getBlame: {
        parameters: {
            query: {
                path: string;
                revision?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Blame lines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlameResult"];
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getBranches: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Branches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        branch: components["schemas"]["NamedRevision"][];
                    };
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getTags: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tags. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tag: components["schemas"]["NamedRevision"][];
                    };
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    browse: {
        parameters: {
            query?: {
                path?: string;
                revision?: string;
                recursive?: boolean;
                disableLastCommit?: boolean;
                disableSubRepositoryDetection?: boolean;
            };
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The folder's entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserResult"];
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getChangesets: {
        parameters: {
            query?: {
                branch?: string;
                path?: string;
                revision?: string;
                start?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of changesets and their total. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changesets: components["schemas"]["Changeset"][];
                        total: number;
                    };
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getChangeset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
                revision: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changeset. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Changeset"];
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getContent: {
        parameters: {
            query: {
                path: string;
                revision?: string;
            };
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    getDiff: {
        parameters: {
            query: {
                revision: string;
                path?: string;
                format?: "GIT" | "NATIVE" | "UNIFIED";
            };
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A unified diff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            400: components["responses"]["Unsupported"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    runHealthCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["parameters"]["id"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description The caller has no owner rights. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such repository. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
