using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Answers one request as the async API would: checks the bearer key, matches the route exactly below the base
/// address, and serves create, get and list from the job store.
/// </summary>
internal sealed class RequestDispatcher
{
    private static readonly HashSet<string> BooleanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "1", "0", "yes", "no", "on", "off", "t", "f", "y", "n",
    };

    private readonly EmulatorSettings _settings;
    private readonly JobStore _store;

    public RequestDispatcher(EmulatorSettings settings, JobStore store)
    {
        _settings = settings;
        _store = store;
    }

    public HttpResponseMessage Dispatch(HttpRequestMessage request, string? body)
    {
        if (Unauthorized(request.Headers.Authorization) is { } denied)
        {
            return denied;
        }

        if (!TryMatch(request.RequestUri, out var family, out var id, out var listQuirk))
        {
            return Json(HttpStatusCode.NotFound, EmulatorJson.Detail("Not Found"));
        }

        var method = request.Method;
        var query = QueryString.Parse(request.RequestUri!.Query.TrimStart('?')).ToList();
        if (id is null || listQuirk)
        {
            // The API answers GET {route}/{id}/ with the list, not the job.
            return method == HttpMethod.Get ? List(query)
                : method == HttpMethod.Post && !listQuirk ? Create(request, body, family)
                : MethodNotAllowed(listQuirk ? "GET" : "GET, POST");
        }

        return method == HttpMethod.Get ? Get(id, family, query) : MethodNotAllowed("GET");
    }

    private HttpResponseMessage Create(HttpRequestMessage request, string? body, RouteFamily family)
    {
        var errors = new List<FieldError>();
        var mediaType = request.Content?.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            // FastAPI reads a non-JSON body as bytes, which is not the object the endpoint expects.
            errors.Add(new FieldError(new object[] { "body" }, "Input should be a valid dictionary or object to extract fields from", "model_attributes_type"));
            return Json((HttpStatusCode)422, EmulatorJson.Validation(errors));
        }

        var parsed = CreateRequestParser.Parse(body, _settings.ValidateRequests, errors);
        if (parsed is null)
        {
            return Json((HttpStatusCode)422, EmulatorJson.Validation(errors));
        }

        var job = _store.Create(parsed, Routes.PathOf(family));
        return Json(HttpStatusCode.OK, _store.Read(now => EmulatorJson.Envelope(job, family, now)));
    }

    private HttpResponseMessage Get(string id, RouteFamily family, List<KeyValuePair<string, string>> query)
    {
        var localMode = query.Where(p => p.Key == "local_mode").Select(p => p.Value).LastOrDefault();
        if (localMode is not null && !BooleanWords.Contains(localMode))
        {
            return Json((HttpStatusCode)422, EmulatorJson.Validation(new[]
            {
                new FieldError(new object[] { "query", "local_mode" }, "Input should be a valid boolean, unable to interpret input", "bool_parsing"),
            }));
        }

        if (!_store.TryGet(id, out var job, out _))
        {
            return Json(HttpStatusCode.NotFound, EmulatorJson.Detail($"Async request '{id}' not found."));
        }

        return Json(HttpStatusCode.OK, _store.Read(now => EmulatorJson.Envelope(job, family, now)));
    }

    private HttpResponseMessage List(List<KeyValuePair<string, string>> query)
    {
        var limit = EmulatorDefaults.ListLimit;
        var limitText = query.Where(p => p.Key == "limit").Select(p => p.Value).LastOrDefault();
        if (limitText is not null)
        {
            if (!int.TryParse(limitText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out limit))
            {
                return Invalid("limit", "Input should be a valid integer, unable to parse string as an integer", "int_parsing");
            }

            if (limit < 1)
            {
                return Invalid("limit", "Input should be greater than or equal to 1", "greater_than_equal");
            }
        }

        var token = query.Where(p => p.Key == "next_token").Select(p => p.Value).LastOrDefault();
        ListPage page;
        try
        {
            page = _store.List(limit, string.IsNullOrEmpty(token) ? null : token);
        }
        catch (FormatException ex)
        {
            return Invalid("next_token", ex.Message, "value_error");
        }

        return Json(HttpStatusCode.OK, _store.Read(now => EmulatorJson.List(page, now)));
    }

    private HttpResponseMessage? Unauthorized(AuthenticationHeaderValue? authorization)
    {
        if (authorization is null
            || !string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(authorization.Parameter))
        {
            return Json(HttpStatusCode.Unauthorized, EmulatorJson.Error(
                "No API key provided. Send it as 'Authorization: Bearer <key>'.", "missing_api_key", 401));
        }

        if (_settings.ApiKey is { } expected && !string.Equals(authorization.Parameter, expected, StringComparison.Ordinal))
        {
            return Json(HttpStatusCode.Unauthorized, EmulatorJson.Error("Invalid API key provided.", "invalid_api_key", 401));
        }

        return null;
    }

    /// <summary>
    /// Matches <c>{base}{route}</c>, <c>{base}{route}/</c>, <c>{base}{route}/{id}</c> and
    /// <c>{base}{route}/{id}/</c> (the list quirk); anything else is not a route.
    /// </summary>
    private bool TryMatch(Uri? uri, out RouteFamily family, out string? id, out bool listQuirk)
    {
        family = RouteFamily.Sonar;
        id = null;
        listQuirk = false;
        var basePath = _settings.BaseAddress.AbsolutePath;
        var path = uri is { IsAbsoluteUri: true } ? uri.AbsolutePath : null;
        if (path is null || !path.StartsWith(basePath, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.Substring(basePath.Length);
        foreach (var candidate in new[] { RouteFamily.Sonar, RouteFamily.ChatCompletions })
        {
            var route = Routes.PathOf(candidate);
            if (rest == route || rest == route + "/")
            {
                family = candidate;
                return true;
            }

            if (!rest.StartsWith(route + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var segment = rest.Substring(route.Length + 1);
            listQuirk = segment.EndsWith("/", StringComparison.Ordinal);
            segment = listQuirk ? segment.Substring(0, segment.Length - 1) : segment;
            if (segment.Length == 0 || segment.IndexOf('/') >= 0)
            {
                return false;
            }

            family = candidate;
            id = Uri.UnescapeDataString(segment);
            return true;
        }

        return false;
    }

    private static HttpResponseMessage Invalid(string parameter, string message, string type) =>
        Json((HttpStatusCode)422, EmulatorJson.Validation(new[] { new FieldError(new object[] { "query", parameter }, message, type) }));

    private static HttpResponseMessage MethodNotAllowed(string allow)
    {
        var response = Json(HttpStatusCode.MethodNotAllowed, EmulatorJson.Detail("Method Not Allowed"));
        response.Content.Headers.TryAddWithoutValidation("Allow", allow);
        return response;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    internal static HttpResponseMessage Json(HttpStatusCode status, byte[] body)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }
}
