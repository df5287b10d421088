using AutoMapper;
using ChatPlatform.Domain.Users;

namespace ChatPlatform.Application.Users.Common;

public sealed class UserMappingProfile : Profile
{
    public UserMappingProfile()
    {
        CreateMap<User, UserDto>()
            .ForMember(d => d.Username, o => o.MapFrom(s => s.UserName))
            .ForMember(d => d.Roles, o => o.MapFrom(s => s.Roles.Select(r => r.Name).OrderBy(n => n).ToList()))
            .ForMember(d => d.Permissions, o => o.MapFrom(s => s.Roles
                .SelectMany(r => r.Permissions)
                .Select(p => p.Code)
                .Distinct()
                .OrderBy(c => c)
                .ToList()));
    }
}
