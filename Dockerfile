# syntax=docker/dockerfile:1
# The API only; PostgreSQL comes from docker-compose.yml (or any server named by
# ConnectionStrings__Postgres). Migrations are applied by the API at start-up.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
# The cache mount keeps downloaded packages between builds without a restore layer that would
# have to list every project file by hand.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/WebApi/WebApi.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The image's built-in unprivileged "app" user.
USER $APP_UID
ENTRYPOINT ["dotnet", "ChatPlatform.WebApi.dll"]
