using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatPlatform.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Presence shared by the instances: which connection of which user joined which room, and
    /// when each instance last said it was alive. Not part of the EF model (only raw SQL reads
    /// it) and unlogged: it is state of the running instances, which write it back after a crash.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261201210000_RoomPresence")]
    public sealed class RoomPresence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE api_instances (
                    "Id" uuid PRIMARY KEY,
                    "SeenAt" timestamp with time zone NOT NULL);
                CREATE UNLOGGED TABLE room_presence (
                    "ConnectionId" text NOT NULL,
                    "RoomId" uuid NOT NULL,
                    "InstanceId" uuid NOT NULL,
                    "UserName" text NOT NULL,
                    PRIMARY KEY ("ConnectionId", "RoomId"));
                CREATE INDEX ix_room_presence_room_user ON room_presence ("RoomId", "UserName");
                CREATE INDEX ix_room_presence_instance ON room_presence ("InstanceId");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE room_presence; DROP TABLE api_instances;");
        }
    }
}
