using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Messages.Commands.DeleteMessage;
using ChatPlatform.Application.Messages.Commands.SendMessage;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Messages.Queries.GetMessage;
using ChatPlatform.Application.Messages.Queries.GetMessages;
using ChatPlatform.Application.Messages.Queries.GetMessagesAfter;
using ChatPlatform.Application.Rooms.Commands.CreateRoom;
using ChatPlatform.Application.Rooms.Commands.DeleteRoom;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Application.Rooms.Queries.GetRoom;
using ChatPlatform.Application.Rooms.Queries.GetRooms;
using ChatPlatform.Domain.Roles;
using ChatPlatform.WebApi.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Controllers;

[ApiController]
[Route("api/rooms")]
[Authorize]
public sealed class RoomsController(IMediator mediator) : ControllerBase
{
    [HttpGet]
    public async Task<ActionResult<PagedList<RoomDto>>> List(
        [FromQuery] int page = 1, [FromQuery] int pageSize = 20, [FromQuery] string? search = null, CancellationToken cancellationToken = default) =>
        await mediator.Send(new GetRoomsQuery(page, pageSize, search), cancellationToken);

    [HttpPost, Authorize(Policy = SystemPermissions.RoomsCreate), UserLimit(UserRateLimits.Rooms)]
    [ProducesResponseType<RoomDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<RoomDto>> Create(CreateRoomCommand command, CancellationToken cancellationToken)
    {
        var room = await mediator.Send(command, cancellationToken);
        return Created(Url.Action(nameof(Get), new { name = room.Name }), room);
    }

    [HttpGet("{name}")]
    public async Task<ActionResult<RoomDto>> Get(string name, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRoomQuery(name), cancellationToken);

    [HttpDelete("{name}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Delete(string name, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteRoomCommand(name), cancellationToken);
        return NoContent();
    }

    /// <summary>History newest first (<c>before</c>), or catch-up oldest first (<c>after</c>): one key at a time.</summary>
    [HttpGet("{name}/messages")]
    [ProducesResponseType<MessagePage>(StatusCodes.Status200OK)]
    [ProducesResponseType<MessagesAfterPage>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Messages(
        string name, [FromQuery] Guid? before, [FromQuery] Guid? after, [FromQuery] int limit = 50, CancellationToken cancellationToken = default)
    {
        if (after is { } since)
        {
            return before is null
                ? Ok(await mediator.Send(new GetMessagesAfterQuery(name, since, limit), cancellationToken))
                : throw new ValidationException("after", "Give either before or after, not both.");
        }

        return Ok(await mediator.Send(new GetMessagesQuery(name, before, limit), cancellationToken));
    }

    [HttpPost("{name}/messages"), UserLimit(UserRateLimits.Messages)]
    [ProducesResponseType<MessageDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<MessageDto>> Send(string name, PostMessageRequest request, CancellationToken cancellationToken)
    {
        var message = await mediator.Send(new SendMessageCommand(name, request.Content), cancellationToken);
        return Created(Url.Action(nameof(GetMessage), new { name = message.Room, id = message.Id }), message);
    }

    [HttpGet("{name}/messages/{id:guid}")]
    [ProducesResponseType<MessageDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<MessageDto>> GetMessage(string name, Guid id, CancellationToken cancellationToken) =>
        await mediator.Send(new GetMessageQuery(name, id), cancellationToken);

    [HttpDelete("{name}/messages/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteMessage(string name, Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteMessageCommand(name, id), cancellationToken);
        return NoContent();
    }
}
