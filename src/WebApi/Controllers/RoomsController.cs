using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Messages.Commands.DeleteMessage;
using ChatPlatform.Application.Messages.Commands.SendMessage;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Messages.Queries.GetMessages;
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
        return Created($"/api/rooms/{room.Name}", room);
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

    [HttpGet("{name}/messages")]
    public async Task<ActionResult<MessagePage>> Messages(
        string name, [FromQuery] Guid? before, [FromQuery] int limit = 50, CancellationToken cancellationToken = default) =>
        await mediator.Send(new GetMessagesQuery(name, before, limit), cancellationToken);

    [HttpPost("{name}/messages"), UserLimit(UserRateLimits.Messages)]
    [ProducesResponseType<MessageDto>(StatusCodes.Status201Created)]
    public async Task<ActionResult<MessageDto>> Send(string name, PostMessageRequest request, CancellationToken cancellationToken)
    {
        var message = await mediator.Send(new SendMessageCommand(name, request.Content), cancellationToken);
        return Created($"/api/rooms/{message.Room}/messages", message);
    }

    [HttpDelete("{name}/messages/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteMessage(string name, Guid id, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeleteMessageCommand(name, id), cancellationToken);
        return NoContent();
    }
}
